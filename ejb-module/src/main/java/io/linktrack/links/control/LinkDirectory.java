package io.linktrack.links.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 *
 * <p>Two things can end a link. Expiry needs nothing from the cache: the expiry time is part of the
 * cached target and compared with the clock at every click. Retirement (custom links only) is a
 * change: the server that retires a link drops it from its cache once the retirement commits, and
 * every other server re-reads a live custom link after {@link #CUSTOM_LINK_TTL} at the latest.
 * Message links cannot be retired, so they stay cached for good, as before.
 */
@ApplicationScoped
public class LinkDirectory {

  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(5);

  /** The longest another server keeps redirecting a custom link after it was retired. */
  public static final Duration CUSTOM_LINK_TTL = Duration.ofSeconds(30);

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
                    if (target.isEmpty()) {
                      return UNKNOWN_TTL.toNanos();
                    }
                    boolean mayBeRetired = target.get().isCustom() && !target.get().retired();
                    return mayBeRetired ? CUSTOM_LINK_TTL.toNanos() : Long.MAX_VALUE;
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

  /** The destination of a link that is live now: known, not expired, not retired. */
  public Optional<LinkTarget> resolve(ShortCode code) {
    Instant now = Instant.now();
    return lookup(code).filter(target -> target.isLiveAt(now));
  }

  /** Any known link, live or not: to tell an expired or retired link from an unknown one. */
  public Optional<LinkTarget> lookup(ShortCode code) {
    return cache.get(code.value(), this::load);
  }

  /** Drops a retired link from this server's cache once its retirement has committed. */
  void retired(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkRetired event) {
    cache.invalidate(event.code());
  }

  private Optional<LinkTarget> load(String code) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT l.id, l.messageId, l.originalUrl, m.sentAt, l.expiresAt, l.retiredAt"
                    + " FROM TrackedLink l LEFT JOIN l.message m WHERE l.code = :code",
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
                    row[1] == null ? 0 : linksOf((Long) row[1]),
                    (Instant) row[4],
                    row[5] != null));
  }

  private int linksOf(long messageId) {
    return em.createQuery(
            "SELECT COUNT(l) FROM TrackedLink l WHERE l.messageId = :message", Long.class)
        .setParameter("message", messageId)
        .getSingleResult()
        .intValue();
  }
}
