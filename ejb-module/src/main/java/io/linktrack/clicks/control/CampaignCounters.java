package io.linktrack.clicks.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps a campaign's report counters in step with its links' counters, in the same transaction:
 * clicks and bot clicks, messages with at least one person's click, and per original URL the
 * clicks, unique clicks (links a person clicked) and bot clicks. A report then reads a few rows
 * however many messages and clicks the campaign has.
 *
 * <p>Called with the changes a fold (or a reclassification) is about to make, <em>before</em> the
 * link counters move: whether a link or a message goes from no click to clicked is read from the
 * counters as they were. Folds and reclassifications hold the {@code LT_FOLD} lock, so nothing else
 * moves those counters in between.
 */
final class CampaignCounters {

  private static final int IN_LIST = 500;

  private record LinkRow(long id, Long messageId, long campaignId, String url, long clicks) {}

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

  static void apply(Connection connection, List<ClickTally> moves) throws SQLException {
    Map<Long, ClickTally> byLink = new HashMap<>();
    moves.forEach(move -> byLink.put(move.id(), move));
    List<LinkRow> links = campaignLinks(connection, byLink.keySet());
    if (links.isEmpty()) {
      return;
    }
    Map<Long, Long> peopleMoveOfMessage = new HashMap<>();
    for (LinkRow link : links) {
      int people = byLink.get(link.id()).clicks();
      if (link.messageId() != null && people != 0) {
        peopleMoveOfMessage.merge(link.messageId(), (long) people, Long::sum);
      }
    }
    Map<Long, Long> messageClicksBefore = messageClicks(connection, peopleMoveOfMessage.keySet());

    Map<Long, Totals> campaigns = new TreeMap<>();
    Map<Long, Map<String, UrlTotals>> urls = new TreeMap<>();
    Map<Long, Long> campaignOfMessage = new HashMap<>();
    for (LinkRow link : links) {
      ClickTally move = byLink.get(link.id());
      Totals totals = campaigns.computeIfAbsent(link.campaignId(), id -> new Totals());
      totals.clicks += move.clicks();
      totals.bots += move.botClicks();
      UrlTotals url =
          urls.computeIfAbsent(link.campaignId(), id -> new TreeMap<>())
              .computeIfAbsent(key(link.url()), k -> new UrlTotals(link.url()));
      url.clicks += move.clicks();
      url.bots += move.botClicks();
      url.unique += becameClicked(link.clicks(), move.clicks());
      if (link.messageId() != null) {
        campaignOfMessage.put(link.messageId(), link.campaignId());
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

  private static List<LinkRow> campaignLinks(Connection connection, Iterable<Long> ids)
      throws SQLException {
    List<LinkRow> rows = new ArrayList<>();
    for (List<Long> chunk : chunks(ids)) {
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
                new LinkRow(
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

  private static Map<Long, Long> messageClicks(Connection connection, Iterable<Long> messages)
      throws SQLException {
    Map<Long, Long> clicks = new HashMap<>();
    for (List<Long> chunk : chunks(messages)) {
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

  private static List<List<Long>> chunks(Iterable<Long> ids) {
    List<Long> all = new ArrayList<>();
    ids.forEach(all::add);
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
