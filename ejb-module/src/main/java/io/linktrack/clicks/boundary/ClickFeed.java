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
 * People's clicks in the order they were counted (bot hits never feed rules), for consumers that
 * keep their own position (the rule timer): each consumer asks for what came after the position it
 * stored last, and stores the new position in the same transaction as the work it did with the
 * clicks. A position is opaque; 0 is the beginning.
 *
 * <p>The position is a fold number (see {@code ClickFolder}). Folds run one at a time and commit in
 * the order of their numbers, so a consumer that has seen fold n has seen every fold before it and
 * never skips a click that commits late. Only counted clicks are handed out, so a consumer that
 * reads counters right after sees numbers that include every click it was given.
 */
@Stateless
public class ClickFeed {

  /** One click as consumers see it. {@code messageId} is null for a link without a message. */
  public record FedClick(long linkId, Long messageId, Instant at) {}

  /** Clicks after a position, and the position to ask from next time. */
  public record Slice(List<FedClick> clicks, long position) {}

  private static final String FOLDED_BATCHES =
      "SELECT ID, FOLD_NO, CLICKS FROM LT_CLICK_BATCH WHERE FOLD_NO > ? ORDER BY FOLD_NO";

  private static final String CLICKS_OF_BATCH =
      "SELECT LINK_ID, MESSAGE_ID, CLICKED_AT FROM LT_CLICK WHERE BATCH_ID = ? AND BOT = FALSE"
          + " ORDER BY ID";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /**
   * The clicks of the folds after {@code position}, oldest fold first: whole folds, as many as fit
   * in about {@code limit} clicks (at least one fold, however large).
   */
  public Slice after(long position, int limit) {
    try (Connection connection = dataSource.getConnection()) {
      List<Long> batches = new ArrayList<>();
      long next = position;
      try (PreparedStatement select = connection.prepareStatement(FOLDED_BATCHES)) {
        select.setLong(1, position);
        select.setFetchSize(100);
        try (ResultSet rows = select.executeQuery()) {
          int clicks = 0;
          while (rows.next()) {
            long foldNo = rows.getLong(2);
            if (foldNo != next && clicks >= limit) {
              break; // a fold is handed out whole, so the position can be its number
            }
            next = foldNo;
            batches.add(rows.getLong(1));
            clicks += rows.getInt(3);
          }
        }
      }
      return new Slice(clicksOf(connection, batches), next);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read clicks after position " + position, e);
    }
  }

  /** The current end of the feed: a consumer that starts fresh begins here. */
  public long end() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT LAST_NO FROM LT_FOLD WHERE ID = 1");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the end of the click feed", e);
    }
  }

  private static List<FedClick> clicksOf(Connection connection, List<Long> batches)
      throws SQLException {
    List<FedClick> clicks = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(CLICKS_OF_BATCH)) {
      for (long batch : batches) {
        select.setLong(1, batch);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long message = rows.getLong(2);
            Long messageId = rows.wasNull() ? null : message; // a custom link has none
            clicks.add(new FedClick(rows.getLong(1), messageId, rows.getTimestamp(3).toInstant()));
          }
        }
      }
    }
    return List.copyOf(clicks);
  }
}
