package io.linktrack.links.boundary;

import io.linktrack.links.control.CodeTags;
import io.linktrack.links.control.ExpiredLinks;
import io.linktrack.links.control.RedirectTarget;
import io.linktrack.links.entity.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the redirect asks of links: whether a code can be a link at all, the link behind a code, and
 * where an expired link sends its recipients. Not cached here: the click path keeps the answers
 * (clicks' {@code LinkDirectory}), so this runs once per code, not once per click.
 */
@ApplicationScoped
public class LinkLookup {

  // One round trip, on a connection of its own that goes back to the pool at once: the request
  // thread that misses the cache must not hold a pooled connection while the writer needs one.
  private static final String BY_CODE =
      "SELECT l.ID, l.MESSAGE_ID, l.ORIGINAL_URL, l.EXPIRES_AT, l.RETIRED_AT,"
          + " (SELECT COUNT(*) FROM LT_LINK o WHERE o.MESSAGE_ID = l.MESSAGE_ID)"
          + " FROM LT_LINK l WHERE l.CODE = ?";

  @Resource(lookup = "jdbc/linktrack", shareable = false)
  DataSource dataSource;

  @Inject CodeTags tags;

  @Inject ExpiredLinks expiredLinks;

  /** True when no link can have this code (a guessed one): refused without a lookup. */
  public boolean refuses(String code) {
    return tags.refuses(code);
  }

  /** The link with this code, live or not; empty when there is none. */
  public Optional<LinkTarget> find(ShortCode code) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BY_CODE)) {
      select.setString(1, code.value());
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
                row.getInt(6),
                instant(row.getTimestamp(4)),
                row.getTimestamp(5) != null));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up short code " + code.value(), e);
    }
  }

  /** Where a recipient of an expired link goes instead; empty for 410 Gone. */
  public Optional<String> expiredFallback() {
    return expiredLinks.fallbackUrl();
  }

  /**
   * The {@code Location} of a redirect to {@code destination}: the short link's query ({@code
   * shortLinkQuery}, raw, may be null) merged in, in header-safe ASCII (see {@link
   * RedirectTarget}).
   */
  public String location(String destination, String shortLinkQuery) {
    return RedirectTarget.location(destination, shortLinkQuery);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
