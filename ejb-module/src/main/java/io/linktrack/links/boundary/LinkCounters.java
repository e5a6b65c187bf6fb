package io.linktrack.links.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A link's click counters (clicks, bot clicks, first and last click), moved by the click path in
 * its own transaction: every method takes the caller's connection, so the counters commit with the
 * claim of the clicks they count, or not at all. Increments (clicks = clicks + n) keep them exact
 * without reading them first, whatever else writes concurrently.
 */
public final class LinkCounters {

  /**
   * What some clicks add to one link: people's clicks with the first and last of them (null when
   * there are none), and bot hits.
   */
  public record Move(
      long linkId, int clicks, int botClicks, Instant firstClick, Instant lastClick) {}

  /**
   * A correction of one link's counters after its clicks were judged again: the counts move by the
   * deltas, first and last click become the given instants (null when no person's click is left).
   */
  public record Correction(
      long linkId, int clicks, int botClicks, Instant firstClick, Instant lastClick) {}

  /** A link of a campaign with its people's clicks before a move: what campaign reports need. */
  public record CampaignLink(
      long linkId, Long messageId, long campaignId, String originalUrl, long clicks) {}

  /**
   * Where a link's people's clicks are found: its message's clicks, or those since its creation.
   */
  public record Scope(long linkId, Long messageId, Instant createdAt) {}

  private static final int IN_LIST = 500;

  // first click only moves back, last click only forward: right also when batches are folded out
  // of order (a late sweep of an orphaned batch).
  private static final String ADD =
      "UPDATE LT_LINK SET CLICKS = CLICKS + ?, BOT_CLICKS = BOT_CLICKS + ?,"
          + " FIRST_CLICK = CASE WHEN FIRST_CLICK IS NULL OR FIRST_CLICK > CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE FIRST_CLICK END,"
          + " LAST_CLICK = CASE WHEN LAST_CLICK IS NULL OR LAST_CLICK < CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE LAST_CLICK END"
          + " WHERE ID = ?";

  private static final String ADD_BOTS =
      "UPDATE LT_LINK SET BOT_CLICKS = BOT_CLICKS + ? WHERE ID = ?";

  private static final String CORRECT =
      "UPDATE LT_LINK SET CLICKS = CLICKS + ?, BOT_CLICKS = BOT_CLICKS + ?, FIRST_CLICK = ?,"
          + " LAST_CLICK = ? WHERE ID = ?";

  private LinkCounters() {}

  /** Adds the moves, in the order given (ascending link id, so concurrent folds lock alike). */
  public static void add(Connection connection, List<Move> moves) throws SQLException {
    try (PreparedStatement people = connection.prepareStatement(ADD);
        PreparedStatement bots = connection.prepareStatement(ADD_BOTS)) {
      boolean anyPeople = false;
      boolean anyBots = false;
      for (Move move : moves) {
        if (move.clicks() > 0) {
          people.setInt(1, move.clicks());
          people.setInt(2, move.botClicks());
          people.setTimestamp(3, Timestamp.from(move.firstClick()));
          people.setTimestamp(4, Timestamp.from(move.firstClick()));
          people.setTimestamp(5, Timestamp.from(move.lastClick()));
          people.setTimestamp(6, Timestamp.from(move.lastClick()));
          people.setLong(7, move.linkId());
          people.addBatch();
          anyPeople = true;
        } else if (move.botClicks() > 0) {
          bots.setInt(1, move.botClicks());
          bots.setLong(2, move.linkId());
          bots.addBatch();
          anyBots = true;
        }
      }
      if (anyPeople) {
        people.executeBatch();
      }
      if (anyBots) {
        bots.executeBatch();
      }
    }
  }

  /** Applies corrections after a rescoring. */
  public static void correct(Connection connection, List<Correction> corrections)
      throws SQLException {
    if (corrections.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(CORRECT)) {
      for (Correction correction : corrections) {
        update.setInt(1, correction.clicks());
        update.setInt(2, correction.botClicks());
        setInstant(update, 3, correction.firstClick());
        setInstant(update, 4, correction.lastClick());
        update.setLong(5, correction.linkId());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** The links among {@code linkIds} that belong to a campaign, with their clicks as they are. */
  public static List<CampaignLink> campaignLinks(Connection connection, Collection<Long> linkIds)
      throws SQLException {
    List<CampaignLink> rows = new ArrayList<>();
    for (List<Long> chunk : chunks(linkIds)) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT ID, MESSAGE_ID, CAMPAIGN_ID, ORIGINAL_URL, CLICKS FROM LT_LINK WHERE ID IN ("
                  + placeholders(chunk.size())
                  + ") AND CAMPAIGN_ID IS NOT NULL")) {
        bind(select, chunk);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            long message = result.getLong(2);
            Long messageId = result.wasNull() ? null : message; // a custom link has none
            rows.add(
                new CampaignLink(
                    result.getLong(1),
                    messageId,
                    result.getLong(3),
                    result.getString(4),
                    result.getLong(5)));
          }
        }
      }
    }
    return rows;
  }

  /** People's clicks of each message, over all its links, as they are. */
  public static Map<Long, Long> messageClicks(Connection connection, Collection<Long> messageIds)
      throws SQLException {
    Map<Long, Long> clicks = new HashMap<>();
    for (List<Long> chunk : chunks(messageIds)) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT MESSAGE_ID, SUM(CLICKS) FROM LT_LINK WHERE MESSAGE_ID IN ("
                  + placeholders(chunk.size())
                  + ") GROUP BY MESSAGE_ID")) {
        bind(select, chunk);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            clicks.put(result.getLong(1), result.getLong(2));
          }
        }
      }
    }
    return clicks;
  }

  /** Where the people's clicks of each link are to be found, for first and last click. */
  public static List<Scope> scopes(Connection connection, Collection<Long> linkIds)
      throws SQLException {
    List<Scope> scopes = new ArrayList<>();
    for (List<Long> chunk : chunks(linkIds)) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT ID, MESSAGE_ID, CREATED_AT FROM LT_LINK WHERE ID IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        bind(select, chunk);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            long message = result.getLong(2);
            Long messageId = result.wasNull() ? null : message;
            scopes.add(new Scope(result.getLong(1), messageId, result.getTimestamp(3).toInstant()));
          }
        }
      }
    }
    return scopes;
  }

  private static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, Timestamp.from(instant));
    }
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    Collections.sort(all);
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIST) {
      chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
    }
    return chunks;
  }

  private static String placeholders(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      statement.setLong(i + 1, ids.get(i));
    }
  }
}
