package io.linktrack.links.boundary;

import io.linktrack.platform.InList;
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
import java.util.List;
import javax.sql.DataSource;

/**
 * The links of some messages with their counters: a message's clicks, first and last click are
 * those of its links (the messages export, a contact's totals). One query per {@value
 * InList#MAX} messages.
 */
@ApplicationScoped
public class LinksOfMessages {

  /** One link of a message: its destination, its place in the text and its counters. */
  public record MessageLink(
      long id,
      long messageId,
      String originalUrl,
      int position,
      long clicks,
      Instant firstClick,
      Instant lastClick) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  LinksOfMessages() {}

  /** On a database of its own, outside the server. */
  public LinksOfMessages(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The links of these messages, by message and position; a message without links has none. */
  public List<MessageLink> of(Collection<Long> messageIds) {
    List<MessageLink> links = new ArrayList<>();
    if (messageIds.isEmpty()) {
      return links;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> slice : InList.chunks(messageIds)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT ID, MESSAGE_ID, ORIGINAL_URL, POSITION, CLICKS, FIRST_CLICK, LAST_CLICK"
                    + " FROM LT_LINK WHERE MESSAGE_ID IN "
                    + InList.of(slice)
                    + " ORDER BY MESSAGE_ID, POSITION")) {
          InList.bind(select, 1, slice);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              links.add(
                  new MessageLink(
                      rows.getLong(1),
                      rows.getLong(2),
                      rows.getString(3),
                      rows.getInt(4),
                      rows.getLong(5),
                      instant(rows, 6),
                      instant(rows, 7)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the links of messages", e);
    }
    return links;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    Timestamp timestamp = rows.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
