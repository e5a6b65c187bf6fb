package io.linktrack.clicks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes click rows past their retention, a bounded batch per transaction so that neither the lock
 * footprint nor the transaction log grows with the backlog.
 *
 * <p>Only rows whose clicks are already counted are deleted: a row of a batch no fold has claimed
 * yet (see ClickFolder) is still the only record of its click, and the orphan sweep reads it back
 * to count it. Counters on links are never touched: they are the lasting record, the rows only the
 * detail behind them.
 */
@Stateless
public class ClickRetention {

  // The inner query picks at most ? rows; FETCH FIRST in a subquery works on Derby and PostgreSQL.
  private static final String DELETE_BATCH =
      "DELETE FROM LT_CLICK WHERE ID IN (SELECT c.ID FROM LT_CLICK c"
          + " LEFT JOIN LT_CLICK_BATCH b ON b.ID = c.BATCH_ID"
          + " WHERE c.CLICKED_AT < ? AND (c.BATCH_ID IS NULL OR b.FOLD_NO IS NOT NULL)"
          + " FETCH FIRST %d ROWS ONLY)";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** Deletes up to {@code limit} counted click rows older than {@code cutoff}; answers how many. */
  public int deleteBatch(Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(String.format(DELETE_BATCH, limit))) {
      delete.setTimestamp(1, Timestamp.from(cutoff));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete clicks older than " + cutoff, e);
    }
  }
}
