package io.linktrack.messages.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * When messages were handed to their channel: a click within moments of that is a scanner's (the
 * TOO_SOON bot signal). Asked by the click path once per short code (it keeps the answer with the
 * link) and by rescoring once per chunk of stored clicks.
 */
@ApplicationScoped
public class SendTimes {

  private static final int IN_LIST = 500;

  private static final String ONE = "SELECT SENT_AT FROM LT_MESSAGE WHERE ID = ?";

  // On a connection of its own that goes back to the pool at once, like the link it comes with.
  @Resource(lookup = "jdbc/linktrack", shareable = false)
  DataSource dataSource;

  /** When the message was sent; empty while it is not (or when there is no such message). */
  public Optional<Instant> sentAt(long messageId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ONE)) {
      select.setLong(1, messageId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.ofNullable(instant(row.getTimestamp(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read when message " + messageId + " was sent", e);
    }
  }

  /**
   * When each of the messages was sent, on the caller's connection (inside its transaction); a
   * message not sent yet is left out.
   */
  public static Map<Long, Instant> sentAt(Connection connection, Collection<Long> messageIds)
      throws SQLException {
    List<Long> ids = new ArrayList<>(messageIds);
    Collections.sort(ids);
    Map<Long, Instant> sent = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT ID, SENT_AT FROM LT_MESSAGE WHERE SENT_AT IS NOT NULL AND ID IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            sent.put(rows.getLong(1), rows.getTimestamp(2).toInstant());
          }
        }
      }
    }
    return sent;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
