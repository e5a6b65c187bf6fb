package io.linktrack.links.boundary;

import io.linktrack.platform.InList;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The click counters of tracked links, for readers that count without reading click rows (the
 * rules): given links, the links of given messages, or summed per campaign. Only the ids asked for
 * are read, in {@link InList} chunks so the database reuses a handful of plans; the work joins the
 * caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LinkTotals {

  /** A link, its destination and its counter of people's clicks. */
  public record LinkTotal(long linkId, Long messageId, String originalUrl, long clicks) {}

  static final String COLUMNS = "SELECT ID, MESSAGE_ID, ORIGINAL_URL, CLICKS FROM LT_LINK WHERE ";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** The given links (unknown ids are absent). */
  public List<LinkTotal> ofLinks(Collection<Long> linkIds) {
    return totals("ID", linkIds);
  }

  /** Every link of the given messages. */
  public List<LinkTotal> ofMessages(Collection<Long> messageIds) {
    return totals("MESSAGE_ID", messageIds);
  }

  /**
   * Per campaign, the clicks of its messages' links ({@code messagesClicked}: the messages with a
   * clicked link instead), only links whose destination contains {@code urlContains} if not null. A
   * campaign's custom links have no message and are not counted. Campaigns with no such link are
   * absent.
   */
  public Map<Long, Long> ofCampaigns(
      Collection<Long> campaignIds, boolean messagesClicked, String urlContains) {
    Map<Long, Long> totals = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> chunk : InList.chunks(campaignIds)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                campaignSql(messagesClicked, urlContains != null, chunk.size()))) {
          int index = 1;
          for (long campaign : chunk) {
            select.setLong(index++, campaign);
          }
          if (urlContains != null) {
            select.setString(index, "%" + escapeLike(urlContains) + "%");
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              totals.put(rows.getLong(1), rows.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not sum the link counters of campaigns", e);
    }
    return totals;
  }

  static String campaignSql(boolean messagesClicked, boolean urlContains, int campaigns) {
    return "SELECT l.CAMPAIGN_ID, "
        + (messagesClicked ? "COUNT(DISTINCT l.MESSAGE_ID)" : "SUM(l.CLICKS)")
        + " FROM LT_LINK l WHERE l.CAMPAIGN_ID IN ("
        + InList.placeholders(campaigns)
        + ") AND l.MESSAGE_ID IS NOT NULL"
        + (messagesClicked ? " AND l.CLICKS > 0" : "")
        + (urlContains ? " AND l.ORIGINAL_URL LIKE ? ESCAPE '!'" : "")
        + " GROUP BY l.CAMPAIGN_ID";
  }

  /** {@code urlContains} is plain text: LIKE's wildcards in it match themselves. */
  public static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private List<LinkTotal> totals(String column, Collection<Long> ids) {
    List<LinkTotal> totals = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> chunk : InList.chunks(ids)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                COLUMNS + column + " IN (" + InList.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long message = rows.getLong(2);
              Long messageId = rows.wasNull() ? null : message; // a custom link has none
              totals.add(
                  new LinkTotal(rows.getLong(1), messageId, rows.getString(3), rows.getLong(4)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read link counters by " + column, e);
    }
    return totals;
  }
}
