package io.linktrack.clicks.control;

import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.clicks.entity.BotReason;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Judges stored clicks again with today's bot lists and corrects every counter they moved, one
 * chunk per transaction. Only clicks already counted are touched (a click still waiting for its
 * fold is counted with the verdict it was stored with), so a chunk and a fold never disagree.
 */
@ApplicationScoped
public class Rescoring {

  /** Where the next chunk starts: after the click at {@code at} with id {@code id}. */
  public record Cursor(Instant at, long id) {}

  /** What one chunk did. {@code next} is empty when the range is done. */
  public record Chunk(int examined, int becameBots, int becamePeople, Optional<Cursor> next) {}

  private record Stored(
      long id,
      long linkId,
      Long messageId,
      Instant at,
      String userAgent,
      String address,
      BotReason reason,
      Instant sentAt) {}

  private static final String CHUNK =
      "SELECT c.ID, c.LINK_ID, c.MESSAGE_ID, c.CLICKED_AT, c.USER_AGENT, c.CLIENT_ADDRESS,"
          + " c.BOT_REASON, m.SENT_AT FROM LT_CLICK c"
          + " LEFT JOIN LT_CLICK_BATCH b ON b.ID = c.BATCH_ID"
          + " LEFT JOIN LT_MESSAGE m ON m.ID = c.MESSAGE_ID"
          + " WHERE c.CLICKED_AT >= ? AND c.CLICKED_AT < ?"
          + " AND (c.CLICKED_AT > ? OR (c.CLICKED_AT = ? AND c.ID > ?))"
          + " AND (c.BATCH_ID IS NULL OR b.FOLD_NO IS NOT NULL)"
          + " ORDER BY c.CLICKED_AT, c.ID";

  private static final String SET_VERDICT =
      "UPDATE LT_CLICK SET BOT = ?, BOT_REASON = ? WHERE ID = ?";

  private static final String MOVE_COUNTS =
      "UPDATE LT_LINK SET CLICKS = CLICKS + ?, BOT_CLICKS = BOT_CLICKS + ? WHERE ID = ?";

  // A person's click from the time span of the link: through the message index where there is a
  // message, else from the link's creation on through the time index.
  private static final String FIRST_AND_LAST =
      "UPDATE LT_LINK SET"
          + " FIRST_CLICK = (SELECT MIN(c.CLICKED_AT) FROM LT_CLICK c WHERE c.LINK_ID = LT_LINK.ID"
          + " AND c.BOT = FALSE AND (c.MESSAGE_ID = LT_LINK.MESSAGE_ID OR (LT_LINK.MESSAGE_ID IS"
          + " NULL AND c.CLICKED_AT >= LT_LINK.CREATED_AT))),"
          + " LAST_CLICK = (SELECT MAX(c.CLICKED_AT) FROM LT_CLICK c WHERE c.LINK_ID = LT_LINK.ID"
          + " AND c.BOT = FALSE AND (c.MESSAGE_ID = LT_LINK.MESSAGE_ID OR (LT_LINK.MESSAGE_ID IS"
          + " NULL AND c.CLICKED_AT >= LT_LINK.CREATED_AT)))"
          + " WHERE ID = ?";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject BotFilter bots;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Chunk rescore(Instant from, Instant to, Cursor after, int size) {
    try (Connection connection = dataSource.getConnection()) {
      lockFolds(connection);
      List<Stored> clicks = read(connection, from, to, after, size);
      Map<Long, int[]> moves = new TreeMap<>(); // link -> {people delta, bot delta}
      int becameBots = 0;
      int becamePeople = 0;
      try (PreparedStatement verdict = connection.prepareStatement(SET_VERDICT)) {
        for (Stored click : clicks) {
          BotReason now = judge(click);
          if (Objects.equals(now, click.reason())) {
            continue;
          }
          verdict.setBoolean(1, now != null);
          verdict.setString(2, now == null ? null : now.name());
          verdict.setLong(3, click.id());
          verdict.addBatch();
          if (click.reason() == null || now == null) {
            int toPeople = now == null ? 1 : -1;
            int[] move = moves.computeIfAbsent(click.linkId(), id -> new int[2]);
            move[0] += toPeople;
            move[1] -= toPeople;
            if (toPeople > 0) {
              becamePeople++;
            } else {
              becameBots++;
            }
          }
        }
        verdict.executeBatch();
      }
      moveCounts(connection, moves);
      Optional<Cursor> next =
          clicks.size() < size
              ? Optional.empty()
              : Optional.of(
                  new Cursor(
                      clicks.get(clicks.size() - 1).at(), clicks.get(clicks.size() - 1).id()));
      return new Chunk(clicks.size(), becameBots, becamePeople, next);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not rescore clicks", e);
    }
  }

  /** A verdict from the request itself (HEAD, prefetch, burst) stands; the rest is judged again. */
  private BotReason judge(Stored click) {
    if (click.reason() != null && !click.reason().rescorable()) {
      return click.reason();
    }
    return bots.rescore(
            click.userAgent(),
            AnonymizedAddress.literal(click.address()).orElse(null),
            click.at(),
            click.sentAt())
        .orElse(null);
  }

  private static List<Stored> read(
      Connection connection, Instant from, Instant to, Cursor after, int size) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(CHUNK)) {
      Cursor start = after != null ? after : new Cursor(from, -1);
      select.setTimestamp(1, Timestamp.from(from));
      select.setTimestamp(2, Timestamp.from(to));
      select.setTimestamp(3, Timestamp.from(start.at()));
      select.setTimestamp(4, Timestamp.from(start.at()));
      select.setLong(5, start.id());
      select.setMaxRows(size);
      List<Stored> clicks = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long messageId = rows.getLong(3);
          Long message = rows.wasNull() ? null : messageId;
          String reason = rows.getString(7);
          Timestamp sentAt = rows.getTimestamp(8);
          clicks.add(
              new Stored(
                  rows.getLong(1),
                  rows.getLong(2),
                  message,
                  rows.getTimestamp(4).toInstant(),
                  rows.getString(5),
                  rows.getString(6),
                  reason == null ? null : BotReason.valueOf(reason),
                  sentAt == null ? null : sentAt.toInstant()));
        }
      }
      return clicks;
    }
  }

  /** Folds and rescoring both read counters before they move them: one at a time. */
  private static void lockFolds(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("UPDATE LT_FOLD SET LAST_NO = LAST_NO WHERE ID = 1")) {
      lock.executeUpdate();
    }
  }

  private static void moveCounts(Connection connection, Map<Long, int[]> moves)
      throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    List<ClickTally> tallies = new ArrayList<>();
    moves.forEach((link, move) -> tallies.add(new ClickTally(link, move[0], move[1], null, null)));
    CampaignCounters.apply(connection, tallies);
    try (PreparedStatement counts = connection.prepareStatement(MOVE_COUNTS);
        PreparedStatement times = connection.prepareStatement(FIRST_AND_LAST)) {
      for (Map.Entry<Long, int[]> move : moves.entrySet()) {
        if (move.getValue()[0] == 0) {
          continue;
        }
        counts.setInt(1, move.getValue()[0]);
        counts.setInt(2, move.getValue()[1]);
        counts.setLong(3, move.getKey());
        counts.addBatch();
        times.setLong(1, move.getKey());
        times.addBatch();
      }
      counts.executeBatch();
      times.executeBatch();
    }
  }
}
