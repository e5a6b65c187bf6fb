package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What the rules need to know about the links of a slice of new clicks: destination, message,
 * campaign and contact. One query per 500 distinct links, whatever the number of rules.
 */
@Stateless
public class ClickContext {

  /** A clicked link and the message it belongs to (message fields null for a link without one). */
  public record ClickedLink(
      long linkId, String originalUrl, Long messageId, Long campaignId, String contactId) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  public Map<Long, ClickedLink> linksOf(List<FedClick> clicks) {
    Set<Long> ids = clicks.stream().map(FedClick::linkId).collect(Collectors.toSet());
    Map<Long, ClickedLink> links = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> chunk : InList.chunks(ids)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT l.ID, l.ORIGINAL_URL, l.MESSAGE_ID, m.CAMPAIGN_ID, m.CONTACT_ID"
                    + " FROM LT_LINK l LEFT JOIN LT_MESSAGE m ON m.ID = l.MESSAGE_ID"
                    + " WHERE l.ID IN ("
                    + InList.placeholders(chunk.size())
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long messageId = rows.getLong(3);
              Long message = rows.wasNull() ? null : messageId;
              long campaignId = rows.getLong(4);
              Long campaign = rows.wasNull() ? null : campaignId;
              links.put(
                  rows.getLong(1),
                  new ClickedLink(
                      rows.getLong(1), rows.getString(2), message, campaign, rows.getString(5)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the links of new clicks", e);
    }
    return links;
  }
}
