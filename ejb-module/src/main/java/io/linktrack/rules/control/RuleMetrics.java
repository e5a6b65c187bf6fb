package io.linktrack.rules.control;

import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.Scope;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The metric of a rule for given subjects: every query that counts clicks for rules is here, so a
 * change of what counts as a click (bot filtering) is made in one place.
 *
 * <p>Without a window the link counters are summed ({@code LT_LINK.CLICKS}): a few rows per
 * subject, however many clicks it has. With a window the click rows inside it are counted. Only the
 * subjects given are read: a pass touches what its new clicks touched, never the whole table.
 */
@Stateless
public class RuleMetrics {

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /**
   * The metric for each subject (subjects with nothing counted are absent). A window ends at {@code
   * until}: the newest click the pass has seen, so a late pass counts what the crossing click saw.
   */
  public Map<String, Long> values(Rule rule, Collection<String> subjects, Instant until) {
    Map<String, Long> values = new HashMap<>();
    if (subjects.isEmpty()) {
      return values;
    }
    Query query = query(rule);
    try (Connection connection = dataSource.getConnection()) {
      for (List<String> chunk : InList.chunks(subjects)) {
        String sql = query.sql(chunk.size());
        try (PreparedStatement select = connection.prepareStatement(sql)) {
          int index = 1;
          for (String subject : chunk) {
            if (rule.scope() == Scope.CONTACT) {
              select.setString(index++, subject);
            } else {
              select.setLong(index++, Long.parseLong(subject));
            }
          }
          if (rule.window() != null) {
            select.setTimestamp(index++, Timestamp.from(until.minus(rule.window())));
            select.setTimestamp(index++, Timestamp.from(until));
          }
          if (rule.urlContains() != null) {
            select.setString(index++, "%" + escapeLike(rule.urlContains()) + "%");
          }
          if (rule.campaignId() != null) {
            select.setLong(index++, rule.campaignId());
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              values.put(rows.getString(1), rows.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count clicks for rule " + rule.id(), e);
    }
    return values;
  }

  /** The statement for one rule: which rows, which key, which aggregate. */
  record Query(String select, String from, List<String> conditions, String key) {
    String sql(int subjects) {
      List<String> where = new ArrayList<>();
      where.add(key + " IN (" + InList.placeholders(subjects) + ")");
      where.addAll(conditions);
      return "SELECT "
          + key
          + ", "
          + select
          + " FROM "
          + from
          + " WHERE "
          + String.join(" AND ", where)
          + " GROUP BY "
          + key;
    }
  }

  static Query query(Rule rule) {
    boolean unique = rule.metric() == Metric.UNIQUE_CLICKS;
    List<String> conditions = new ArrayList<>();
    String from;
    String key;
    String select;
    if (rule.window() == null) {
      // the link counters: CLICKS, and links with at least one click for unique counts
      from = "LT_LINK l LEFT JOIN LT_MESSAGE m ON m.ID = l.MESSAGE_ID";
      if (unique) {
        conditions.add("l.CLICKS > 0");
      }
      switch (rule.scope()) {
        case MESSAGE -> {
          key = "l.MESSAGE_ID";
          select = unique ? "COUNT(*)" : "SUM(l.CLICKS)";
        }
        case LINK -> {
          key = "l.ID";
          select = "SUM(l.CLICKS)";
        }
        case CAMPAIGN -> {
          key = "m.CAMPAIGN_ID";
          select = unique ? "COUNT(DISTINCT m.ID)" : "SUM(l.CLICKS)";
        }
        case CONTACT -> {
          key = "m.CONTACT_ID";
          select = unique ? "COUNT(DISTINCT l.ORIGINAL_URL)" : "SUM(l.CLICKS)";
        }
        default -> throw new IllegalStateException("Unknown scope " + rule.scope());
      }
    } else {
      // the click rows inside the window
      from =
          "LT_CLICK c JOIN LT_LINK l ON l.ID = c.LINK_ID LEFT JOIN LT_MESSAGE m ON m.ID ="
              + " c.MESSAGE_ID";
      conditions.add("c.CLICKED_AT > ?");
      conditions.add("c.CLICKED_AT <= ?");
      switch (rule.scope()) {
        case MESSAGE -> {
          key = "c.MESSAGE_ID";
          select = unique ? "COUNT(DISTINCT c.LINK_ID)" : "COUNT(*)";
        }
        case LINK -> {
          key = "c.LINK_ID";
          select = "COUNT(*)";
        }
        case CAMPAIGN -> {
          key = "m.CAMPAIGN_ID";
          select = unique ? "COUNT(DISTINCT c.MESSAGE_ID)" : "COUNT(*)";
        }
        case CONTACT -> {
          key = "m.CONTACT_ID";
          select = unique ? "COUNT(DISTINCT l.ORIGINAL_URL)" : "COUNT(*)";
        }
        default -> throw new IllegalStateException("Unknown scope " + rule.scope());
      }
    }
    if (rule.urlContains() != null) {
      conditions.add("l.ORIGINAL_URL LIKE ? ESCAPE '!'");
    }
    if (rule.campaignId() != null) {
      conditions.add("m.CAMPAIGN_ID = ?");
    }
    return new Query(select, from, conditions, key);
  }

  /** {@code urlContains} is plain text: LIKE's wildcards in it match themselves. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
