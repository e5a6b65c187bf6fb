package io.linktrack.clicks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Committed clicks in the order they became visible, for consumers that keep their own position
 * (the rule timer): each consumer asks for what came after the position it stored last, and stores
 * the new position in the same transaction as the work it did with the clicks. A position is
 * opaque; 0 is the beginning.
 *
 * <p>Only clicks already counted on their links are handed out, so a consumer that reads counters
 * right after sees numbers that include every click it was given.
 */
@Stateless
public class ClickFeed {

  /** One click as consumers see it. {@code messageId} is null for a link without a message. */
  public record FedClick(long linkId, Long messageId, Instant at) {}

  /** Clicks after a position, and the position to ask from next time. */
  public record Slice(List<FedClick> clicks, long position) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** At most about {@code limit} clicks after {@code position}, oldest first. */
  public Slice after(long position, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT ID, LINK_ID, MESSAGE_ID, CLICKED_AT FROM LT_CLICK WHERE ID > ?"
                    + " ORDER BY ID")) {
      select.setLong(1, position);
      select.setMaxRows(limit);
      List<FedClick> clicks = new ArrayList<>();
      long next = position;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          next = rows.getLong(1);
          long messageId = rows.getLong(3);
          clicks.add(
              new FedClick(
                  rows.getLong(2),
                  rows.wasNull() ? null : messageId,
                  rows.getTimestamp(4).toInstant()));
        }
      }
      return new Slice(List.copyOf(clicks), next);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read clicks after position " + position, e);
    }
  }

  /** The current end of the feed: a consumer that starts fresh begins here. */
  public long end() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT MAX(ID) FROM LT_CLICK");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the end of the click feed", e);
    }
  }
}
