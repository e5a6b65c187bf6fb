package io.linktrack.campaigns.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's report counters: clicks and bot clicks, messages with at least one person's click,
 * and per original URL the clicks, unique clicks (links a person clicked) and bot clicks. A report
 * then reads a few rows however many messages and clicks the campaign has.
 *
 * <p>Moved by the click path, in its own transaction (the caller's connection), with the moves of
 * its links' counters <em>before</em> those move: whether a link or a message goes from no click to
 * clicked is told by the counts as they were. Folds and reclassifications hold the click path's
 * fold lock, so nothing else moves those counters in between.
 */
public final class CampaignCounters {

  /**
   * What a move of one campaign link's counters does: people's {@code clicks} and {@code botClicks}
   * (either may be negative after a reclassification), with the link's people's clicks before the
   * move ({@code clicksBefore}); {@code messageId} is null for a custom link.
   */
  public record LinkMove(
      long campaignId,
      Long messageId,
      String originalUrl,
      long clicksBefore,
      int clicks,
      int botClicks) {}

  private static final class Totals {
    long clicks;
    long bots;
    long messagesClicked;
  }

  private static final class UrlTotals {
    final String url;
    long clicks;
    long unique;
    long bots;

    UrlTotals(String url) {
      this.url = url;
    }
  }

  private CampaignCounters() {}

  /**
   * Applies the moves of campaign links. {@code messageClicksBefore} holds, for every message whose
   * people's clicks move, its people's clicks over all its links before the move.
   */
  public static void apply(
      Connection connection, List<LinkMove> moves, Map<Long, Long> messageClicksBefore)
      throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    Map<Long, Long> peopleMoveOfMessage = new HashMap<>();
    for (LinkMove move : moves) {
      if (move.messageId() != null && move.clicks() != 0) {
        peopleMoveOfMessage.merge(move.messageId(), (long) move.clicks(), Long::sum);
      }
    }
    Map<Long, Totals> campaigns = new TreeMap<>();
    Map<Long, Map<String, UrlTotals>> urls = new TreeMap<>();
    Map<Long, Long> campaignOfMessage = new HashMap<>();
    for (LinkMove move : moves) {
      Totals totals = campaigns.computeIfAbsent(move.campaignId(), id -> new Totals());
      totals.clicks += move.clicks();
      totals.bots += move.botClicks();
      UrlTotals url =
          urls.computeIfAbsent(move.campaignId(), id -> new TreeMap<>())
              .computeIfAbsent(key(move.originalUrl()), k -> new UrlTotals(move.originalUrl()));
      url.clicks += move.clicks();
      url.bots += move.botClicks();
      url.unique += becameClicked(move.clicksBefore(), move.clicks());
      if (move.messageId() != null) {
        campaignOfMessage.put(move.messageId(), move.campaignId());
      }
    }
    peopleMoveOfMessage.forEach(
        (message, people) ->
            campaigns.get(campaignOfMessage.get(message)).messagesClicked +=
                becameClicked(messageClicksBefore.getOrDefault(message, 0L), people));
    updateCampaigns(connection, campaigns);
    updateUrls(connection, urls);
  }

  /** +1 when something with no person's click gets one, -1 when it loses its last, else 0. */
  private static int becameClicked(long before, long move) {
    long after = before + move;
    return before == 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
  }

  static String key(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static void updateCampaigns(Connection connection, Map<Long, Totals> campaigns)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE LT_CAMPAIGN SET CLICKS = CLICKS + ?, BOT_CLICKS = BOT_CLICKS + ?,"
                + " MESSAGES_CLICKED = MESSAGES_CLICKED + ? WHERE ID = ?")) {
      for (Map.Entry<Long, Totals> campaign : campaigns.entrySet()) {
        update.setLong(1, campaign.getValue().clicks);
        update.setLong(2, campaign.getValue().bots);
        update.setLong(3, campaign.getValue().messagesClicked);
        update.setLong(4, campaign.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static void updateUrls(Connection connection, Map<Long, Map<String, UrlTotals>> urls)
      throws SQLException {
    try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE LT_CAMPAIGN_URL SET CLICKS = CLICKS + ?, UNIQUE_CLICKS = UNIQUE_CLICKS + ?,"
                    + " BOT_CLICKS = BOT_CLICKS + ? WHERE CAMPAIGN_ID = ? AND URL_KEY = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO LT_CAMPAIGN_URL (CAMPAIGN_ID, URL_KEY, ORIGINAL_URL, CLICKS,"
                    + " UNIQUE_CLICKS, BOT_CLICKS) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<Long, Map<String, UrlTotals>> campaign : urls.entrySet()) {
        for (Map.Entry<String, UrlTotals> url : campaign.getValue().entrySet()) {
          UrlTotals totals = url.getValue();
          update.setLong(1, totals.clicks);
          update.setLong(2, totals.unique);
          update.setLong(3, totals.bots);
          update.setLong(4, campaign.getKey());
          update.setString(5, url.getKey());
          if (update.executeUpdate() == 0) {
            insert.setLong(1, campaign.getKey());
            insert.setString(2, url.getKey());
            insert.setString(3, totals.url);
            insert.setLong(4, totals.clicks);
            insert.setLong(5, totals.unique);
            insert.setLong(6, totals.bots);
            insert.executeUpdate();
          }
        }
      }
    }
  }
}
