package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import io.linktrack.platform.InList;
import io.linktrack.rules.control.ClickContext.ClickedLink;
import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Rule;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Keeps CAMPAIGN rules from summing a whole campaign at every click. Per rule and campaign a tally
 * is stored that is never below the campaign's metric over the clicks fed so far: the exact value
 * when the campaign was last counted, plus what the clicks fed since can have added (each click
 * adds at most one click, each newly clicked message at most one unique click). While the tally
 * stays at or below the threshold the rule cannot have been exceeded by fed clicks, and the
 * campaign is not counted; once it could be, the campaign is counted exactly and the tally reset to
 * that count. Clicks counted on links before they are fed only make the tally too high, which costs
 * a recount, never a missed or early alert.
 */
@Stateless
public class CampaignTallies {

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** What the slice's clicks can have added to the metric of each campaign they touch. */
  public static Map<String, Long> growth(
      Rule rule, List<FedClick> clicks, Map<Long, ClickedLink> links) {
    Map<String, Long> growth = new HashMap<>();
    Set<String> messagesSeen = new HashSet<>();
    for (FedClick click : clicks) {
      ClickedLink link = links.get(click.linkId());
      if (link == null
          || link.campaignId() == null
          || !rule.counts(link.originalUrl(), link.campaignId())) {
        continue;
      }
      String campaign = link.campaignId().toString();
      if (rule.metric() == Metric.CLICKS || messagesSeen.add(link.messageId() + "")) {
        growth.merge(campaign, 1L, Long::sum);
      }
    }
    return growth;
  }

  /** The stored tallies of the rule's current generation for these campaigns. */
  public Map<String, Long> of(Rule rule, Collection<String> campaigns) {
    Map<String, Long> tallies = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<String> chunk : InList.chunks(campaigns)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT SUBJECT_ID, METRIC_VALUE FROM LT_RULE_TALLY WHERE RULE_ID = ?"
                    + " AND GENERATION = ? AND SUBJECT_ID IN ("
                    + InList.placeholders(chunk.size())
                    + ")")) {
          select.setLong(1, rule.id());
          select.setInt(2, rule.generation());
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 3, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              tallies.put(rows.getString(1), rows.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the tallies of rule " + rule.id(), e);
    }
    return tallies;
  }

  /** Stores new tallies (in the pass's transaction, which no other pass runs beside). */
  public void store(Rule rule, Map<String, Long> tallies) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE LT_RULE_TALLY SET METRIC_VALUE = ? WHERE RULE_ID = ? AND GENERATION = ?"
                    + " AND SUBJECT_ID = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO LT_RULE_TALLY (RULE_ID, GENERATION, SUBJECT_ID, METRIC_VALUE)"
                    + " VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, Long> tally : tallies.entrySet()) {
        update.setLong(1, tally.getValue());
        update.setLong(2, rule.id());
        update.setInt(3, rule.generation());
        update.setString(4, tally.getKey());
        if (update.executeUpdate() == 0) {
          insert.setLong(1, rule.id());
          insert.setInt(2, rule.generation());
          insert.setString(3, tally.getKey());
          insert.setLong(4, tally.getValue());
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the tallies of rule " + rule.id(), e);
    }
  }
}
