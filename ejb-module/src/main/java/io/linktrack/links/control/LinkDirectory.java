package io.linktrack.links.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves short codes to destinations from memory. A link never changes its destination, so a
 * cached entry never goes stale; unknown codes are remembered briefly so that a burst of misses
 * costs one query, yet a code created on another server is found within seconds.
 */
@ApplicationScoped
public class LinkDirectory {

  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(5);

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "linktrack.links.cache-size", defaultValue = "500000")
  long cacheSize;

  private Cache<String, Optional<LinkTarget>> cache;

  @PostConstruct
  void createCache() {
    cache =
        Caffeine.newBuilder()
            .maximumSize(cacheSize)
            .expireAfter(
                new Expiry<String, Optional<LinkTarget>>() {
                  @Override
                  public long expireAfterCreate(
                      String code, Optional<LinkTarget> target, long now) {
                    return target.isPresent() ? Long.MAX_VALUE : UNKNOWN_TTL.toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      String code, Optional<LinkTarget> target, long now, long remaining) {
                    return expireAfterCreate(code, target, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String code, Optional<LinkTarget> target, long now, long remaining) {
                    return remaining;
                  }
                })
            .build();
  }

  public Optional<LinkTarget> resolve(ShortCode code) {
    return cache.get(code.value(), this::load);
  }

  private Optional<LinkTarget> load(String code) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT l.id, m.id, l.originalUrl, m.sentAt FROM TrackedLink l LEFT JOIN l.message m"
                    + " WHERE l.code = :code",
                Object[].class)
            .setParameter("code", code)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new LinkTarget(
                    (Long) row[0],
                    (Long) row[1],
                    (String) row[2],
                    (Instant) row[3],
                    row[1] == null ? 0 : linksOf((Long) row[1])));
  }

  private int linksOf(long messageId) {
    return em.createQuery(
            "SELECT COUNT(l) FROM TrackedLink l WHERE l.message.id = :message", Long.class)
        .setParameter("message", messageId)
        .getSingleResult()
        .intValue();
  }
}
