package io.linktrack.clicks.boundary;

import io.linktrack.platform.InList;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * People's clicks inside a time window, counted per link, for given links or messages: what rules
 * with a window count (the link counters have no time). Bot hits never count. Only the ids asked
 * for are read, in {@link InList} chunks; the work joins the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClickCounts {

  /** The clicks on one link (of a message, or none for a custom link) inside the window. */
  public record ClickCount(long linkId, Long messageId, long clicks) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** Clicks after {@code after} up to and including {@code until} on the given links. */
  public List<ClickCount> ofLinks(Collection<Long> linkIds, Instant after, Instant until) {
    return counts("c.LINK_ID", linkIds, after, until);
  }

  /** Clicks after {@code after} up to and including {@code until} on the given messages' links. */
  public List<ClickCount> ofMessages(Collection<Long> messageIds, Instant after, Instant until) {
    return counts("c.MESSAGE_ID", messageIds, after, until);
  }

  static String sql(String column, int ids) {
    return "SELECT c.LINK_ID, c.MESSAGE_ID, COUNT(*) FROM LT_CLICK c WHERE "
        + column
        + " IN ("
        + InList.placeholders(ids)
        + ") AND c.CLICKED_AT > ? AND c.CLICKED_AT <= ?"
        + " AND c.BOT = FALSE" // previews and scanners never count
        + " GROUP BY c.LINK_ID, c.MESSAGE_ID";
  }

  private List<ClickCount> counts(
      String column, Collection<Long> ids, Instant after, Instant until) {
    List<ClickCount> counts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> chunk : InList.chunks(ids)) {
        try (PreparedStatement select = connection.prepareStatement(sql(column, chunk.size()))) {
          int index = 1;
          for (long id : chunk) {
            select.setLong(index++, id);
          }
          select.setTimestamp(index++, Timestamp.from(after));
          select.setTimestamp(index, Timestamp.from(until));
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long message = rows.getLong(2);
              Long messageId = rows.wasNull() ? null : message;
              counts.add(new ClickCount(rows.getLong(1), messageId, rows.getLong(3)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the clicks in a window by " + column, e);
    }
    return counts;
  }
}
