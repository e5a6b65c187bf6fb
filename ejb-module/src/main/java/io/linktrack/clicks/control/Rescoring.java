package io.linktrack.clicks.control;

import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.boundary.LinkCounters;
import io.linktrack.messages.boundary.SendTimes;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
      BotReason reason) {}

  private static final String CHUNK =
      "SELECT c.ID, c.LINK_ID, c.MESSAGE_ID, c.CLICKED_AT, c.USER_AGENT, c.CLIENT_ADDRESS,"
          + " c.BOT_REASON FROM LT_CLICK c"
          + " LEFT JOIN LT_CLICK_BATCH b ON b.ID = c.BATCH_ID"
          + " WHERE c.CLICKED_AT >= ? AND c.CLICKED_AT < ?"
          + " AND (c.CLICKED_AT > ? OR (c.CLICKED_AT = ? AND c.ID > ?))"
          + " AND (c.BATCH_ID IS NULL OR b.FOLD_NO IS NOT NULL)"
          + " ORDER BY c.CLICKED_AT, c.ID";

  private static final String SET_VERDICT =
      "UPDATE LT_CLICK SET BOT = ?, BOT_REASON = ? WHERE ID = ?";

  // A person's click from the time span of the link: through the message index where there is a
  // message, else from the link's creation on through the time index.
  private static final String SPAN_OF_MESSAGE_LINK =
      "SELECT MIN(CLICKED_AT), MAX(CLICKED_AT) FROM LT_CLICK"
          + " WHERE LINK_ID = ? AND BOT = FALSE AND MESSAGE_ID = ?";
  private static final String SPAN_OF_CUSTOM_LINK =
      "SELECT MIN(CLICKED_AT), MAX(CLICKED_AT) FROM LT_CLICK"
          + " WHERE LINK_ID = ? AND BOT = FALSE AND CLICKED_AT >= ?";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject BotFilter bots;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Chunk rescore(Instant from, Instant to, Cursor after, int size) {
    try (Connection connection = dataSource.getConnection()) {
      lockFolds(connection);
      List<Stored> clicks = read(connection, from, to, after, size);
      Map<Long, Instant> sentAt = SendTimes.sentAt(connection, messagesOf(clicks));
      Map<Long, int[]> moves = new TreeMap<>(); // link -> {people delta, bot delta}
      int becameBots = 0;
      int becamePeople = 0;
      try (PreparedStatement verdict = connection.prepareStatement(SET_VERDICT)) {
        for (Stored click : clicks) {
          BotReason now = judge(click, sentAt.get(click.messageId()));
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
  private BotReason judge(Stored click, Instant sentAt) {
    if (click.reason() != null && !click.reason().rescorable()) {
      return click.reason();
    }
    return bots.rescore(
            click.userAgent(),
            AnonymizedAddress.literal(click.address()).orElse(null),
            click.at(),
            sentAt)
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
          clicks.add(
              new Stored(
                  rows.getLong(1),
                  rows.getLong(2),
                  message,
                  rows.getTimestamp(4).toInstant(),
                  rows.getString(5),
                  rows.getString(6),
                  reason == null ? null : BotReason.valueOf(reason)));
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

  private static Set<Long> messagesOf(List<Stored> clicks) {
    Set<Long> messages = new HashSet<>();
    clicks.forEach(
        click -> {
          if (click.messageId() != null) {
            messages.add(click.messageId());
          }
        });
    return messages;
  }

  /**
   * Moves the counters of links whose people's clicks changed: campaigns' first (from the counters
   * as they were), then the links' counts, first and last click, read again from what is stored.
   */
  private static void moveCounts(Connection connection, Map<Long, int[]> moves)
      throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    List<ClickTally> tallies = new ArrayList<>();
    moves.forEach((link, move) -> tallies.add(new ClickTally(link, move[0], move[1], null, null)));
    ClickFolder.moveCampaignCounters(connection, tallies);
    Set<Long> moved = new TreeSet<>();
    moves.forEach(
        (link, move) -> {
          if (move[0] != 0) {
            moved.add(link);
          }
        });
    List<LinkCounters.Correction> corrections = new ArrayList<>();
    try (PreparedStatement ofMessage = connection.prepareStatement(SPAN_OF_MESSAGE_LINK);
        PreparedStatement ofCustom = connection.prepareStatement(SPAN_OF_CUSTOM_LINK)) {
      for (LinkCounters.Scope scope : LinkCounters.scopes(connection, moved)) {
        PreparedStatement span;
        if (scope.messageId() != null) {
          span = ofMessage;
          span.setLong(2, scope.messageId());
        } else {
          span = ofCustom;
          span.setTimestamp(2, Timestamp.from(scope.createdAt()));
        }
        span.setLong(1, scope.linkId());
        try (ResultSet row = span.executeQuery()) {
          row.next();
          int[] move = moves.get(scope.linkId());
          corrections.add(
              new LinkCounters.Correction(
                  scope.linkId(),
                  move[0],
                  move[1],
                  instant(row.getTimestamp(1)),
                  instant(row.getTimestamp(2))));
        }
      }
    }
    LinkCounters.correct(connection, corrections);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
