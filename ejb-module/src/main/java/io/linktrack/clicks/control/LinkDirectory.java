package io.linktrack.clicks.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.linktrack.links.boundary.LinkLookup;
import io.linktrack.links.entity.LinkRetired;
import io.linktrack.links.entity.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.messages.boundary.SendTimes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves short codes to destinations from memory. A link never changes its destination, so a
 * cached entry never goes stale; unknown codes are remembered briefly so that a burst of misses
 * costs one query, yet a code created on another server is found within seconds. A code that is not
 * cached costs two queries: the link (from links) and, for a message's link, when the message was
 * sent (from messages); both are kept with the link.
 *
 * <p>Two things can end a link. Expiry needs nothing from the cache: the expiry time is part of the
 * cached target and compared with the clock at every click. Retirement (custom links only) is a
 * change: the server that retires a link drops it from its cache once the retirement commits, and
 * every other server re-reads a live custom link after {@link #CUSTOM_LINK_TTL} at the latest.
 * Message links cannot be retired, so they stay cached for good.
 */
@ApplicationScoped
public class LinkDirectory {

  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(5);

  /** The longest another server keeps redirecting a custom link after it was retired. */
  public static final Duration CUSTOM_LINK_TTL = Duration.ofSeconds(30);

  @Inject LinkLookup links;

  @Inject SendTimes sendTimes;

  @Inject
  @ConfigProperty(name = "linktrack.links.cache-size", defaultValue = "500000")
  long cacheSize;

  private Cache<String, Optional<KnownLink>> cache;

  @PostConstruct
  void createCache() {
    cache =
        Caffeine.newBuilder()
            .maximumSize(cacheSize)
            .expireAfter(
                new Expiry<String, Optional<KnownLink>>() {
                  @Override
                  public long expireAfterCreate(String code, Optional<KnownLink> known, long now) {
                    if (known.isEmpty()) {
                      return UNKNOWN_TTL.toNanos();
                    }
                    LinkTarget target = known.get().target();
                    boolean mayBeRetired = target.isCustom() && !target.retired();
                    return mayBeRetired ? CUSTOM_LINK_TTL.toNanos() : Long.MAX_VALUE;
                  }

                  @Override
                  public long expireAfterUpdate(
                      String code, Optional<KnownLink> known, long now, long remaining) {
                    return expireAfterCreate(code, known, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String code, Optional<KnownLink> known, long now, long remaining) {
                    return remaining;
                  }
                })
            .build();
  }

  /** Any known link, live or not: the caller tells a live link from an expired or retired one. */
  public Optional<KnownLink> lookup(ShortCode code) {
    return cache.get(code.value(), this::load);
  }

  /** Drops a retired link from this server's cache once its retirement has committed. */
  void retired(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkRetired event) {
    cache.invalidate(event.code());
  }

  private Optional<KnownLink> load(String code) {
    return links
        .find(new ShortCode(code))
        .map(
            target ->
                new KnownLink(
                    target,
                    target.messageId() == null
                        ? null
                        : sendTimes.sentAt(target.messageId()).orElse(null)));
  }
}
