package io.linktrack.clicks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes one batch of clicks in one transaction: a row per click, and one increment per touched
 * link (a message's counters are its links'). Plain JDBC batches, because this is the hot path: a
 * batch of a thousand clicks costs three round trips, not thousands of entity loads.
 */
@ApplicationScoped
public class ClickLedger {

  private static final String INSERT_CLICK =
      "INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, USER_AGENT, REFERRER, CLIENT_ADDRESS)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  // first click only moves back, last click only forward: right also when the batches of two
  // servers commit out of order.
  private static final String UPDATE_LINK =
      "UPDATE LT_LINK SET CLICKS = CLICKS + ?,"
          + " FIRST_CLICK = CASE WHEN FIRST_CLICK IS NULL OR FIRST_CLICK > CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE FIRST_CLICK END,"
          + " LAST_CLICK = CASE WHEN LAST_CLICK IS NULL OR LAST_CLICK < CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE LAST_CLICK END"
          + " WHERE ID = ?";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Transactional(Transactional.TxType.REQUIRED)
  public void record(List<PendingClick> batch) {
    try (Connection connection = dataSource.getConnection()) {
      insertClicks(connection, batch);
      addLinkCounters(connection, ClickTally.of(batch, click -> click.target().linkId()));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record " + batch.size() + " clicks", e);
    }
  }

  private static void insertClicks(Connection connection, List<PendingClick> batch)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_CLICK)) {
      for (PendingClick click : batch) {
        insert.setLong(1, click.target().linkId());
        if (click.target().messageId() == null) {
          insert.setNull(2, Types.BIGINT);
        } else {
          insert.setLong(2, click.target().messageId());
        }
        insert.setTimestamp(3, Timestamp.from(click.at()));
        insert.setString(4, click.userAgent());
        insert.setString(5, click.referrer());
        insert.setString(6, click.clientAddress());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void addLinkCounters(Connection connection, List<ClickTally> tallies)
      throws SQLException {
    if (tallies.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(UPDATE_LINK)) {
      for (ClickTally tally : tallies) {
        update.setInt(1, tally.clicks());
        update.setTimestamp(2, Timestamp.from(tally.first()));
        update.setTimestamp(3, Timestamp.from(tally.first()));
        update.setTimestamp(4, Timestamp.from(tally.last()));
        update.setTimestamp(5, Timestamp.from(tally.last()));
        update.setLong(6, tally.id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
