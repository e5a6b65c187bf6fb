package io.linktrack.links.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
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

  @Resource(lookup = "jdbc/linktrack", shareable = false)
  DataSource dataSource;

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

  // One round trip, on a connection of its own that goes back to the pool at once: the request
  // thread that misses the cache goes on to wait for its click's commit, and must not hold a pooled
  // connection meanwhile (under a burst of first clicks, the writer would wait for one).
  private static final String LOAD =
      "SELECT l.ID, l.MESSAGE_ID, l.ORIGINAL_URL, m.SENT_AT, l.EXPIRES_AT, l.RETIRED_AT,"
          + " (SELECT COUNT(*) FROM LT_LINK o WHERE o.MESSAGE_ID = l.MESSAGE_ID)"
          + " FROM LT_LINK l LEFT JOIN LT_MESSAGE m ON m.ID = l.MESSAGE_ID WHERE l.CODE = ?";

  private Optional<LinkTarget> load(String code) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LOAD)) {
      select.setString(1, code);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long message = row.getLong(2);
        Long messageId = row.wasNull() ? null : message;
        return Optional.of(
            new LinkTarget(
                row.getLong(1),
                messageId,
                row.getString(3),
                instant(row.getTimestamp(4)),
                row.getInt(7),
                instant(row.getTimestamp(5)),
                row.getTimestamp(6) != null));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up short code " + code, e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
