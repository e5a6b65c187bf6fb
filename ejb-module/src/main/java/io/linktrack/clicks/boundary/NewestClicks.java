package io.linktrack.clicks.boundary;

import io.linktrack.platform.InList;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * People's clicks on some messages, newest first (a contact's clicks over all of its messages). Bot
 * hits are left out: what previews and scanners did is on each message's click list.
 */
@ApplicationScoped
public class NewestClicks {

  /** One click of a person: when, on which link of which message, from what kind of device. */
  public record PersonClick(
      long id,
      Instant at,
      long linkId,
      long messageId,
      String deviceClass,
      String operatingSystem,
      String browser) {}

  private static final Comparator<PersonClick> NEWEST_FIRST =
      Comparator.comparing(PersonClick::at).thenComparingLong(PersonClick::id).reversed();

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  NewestClicks() {}

  /** On a database of its own, outside the server. */
  public NewestClicks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The clicks from {@code offset} on, at most {@code limit}, newest first (the latest id first
   * among clicks of the same instant).
   */
  public List<PersonClick> of(Collection<Long> messageIds, int offset, int limit) {
    List<List<Long>> slices = InList.chunks(messageIds);
    if (slices.isEmpty()) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      if (slices.size() == 1) {
        return read(connection, slices.get(0), offset, limit);
      }
      // the page is among the newest offset + limit clicks of each slice
      int end = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
      List<PersonClick> clicks = new ArrayList<>();
      for (List<Long> slice : slices) {
        clicks.addAll(read(connection, slice, 0, end));
      }
      clicks.sort(NEWEST_FIRST);
      return List.copyOf(
          clicks.subList(Math.min(offset, clicks.size()), Math.min(end, clicks.size())));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the clicks of messages", e);
    }
  }

  /** How many people's clicks these messages have. */
  public long count(Collection<Long> messageIds) {
    long count = 0;
    if (messageIds.isEmpty()) {
      return count;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> slice : InList.chunks(messageIds)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM LT_CLICK WHERE MESSAGE_ID IN "
                    + InList.of(slice)
                    + " AND BOT = FALSE")) {
          InList.bind(select, 1, slice);
          try (ResultSet rows = select.executeQuery()) {
            rows.next();
            count += rows.getLong(1);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the clicks of messages", e);
    }
    return count;
  }

  private static List<PersonClick> read(
      Connection connection, List<Long> slice, int offset, int limit) throws SQLException {
    List<PersonClick> clicks = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT ID, CLICKED_AT, LINK_ID, MESSAGE_ID, DEVICE_CLASS, OPERATING_SYSTEM, BROWSER"
                + " FROM LT_CLICK WHERE MESSAGE_ID IN "
                + InList.of(slice)
                + " AND BOT = FALSE ORDER BY CLICKED_AT DESC, ID DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int index = InList.bind(select, 1, slice);
      select.setInt(index++, offset);
      select.setInt(index, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          clicks.add(
              new PersonClick(
                  rows.getLong(1),
                  rows.getTimestamp(2).toInstant(),
                  rows.getLong(3),
                  rows.getLong(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7)));
        }
      }
    }
    return clicks;
  }
}
