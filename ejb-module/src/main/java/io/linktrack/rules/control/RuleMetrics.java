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

  /** One tracked link of a subject, with its counter and what rules filter on. */
  public record LinkRow(
      long linkId,
      Long messageId,
      String originalUrl,
      long clicks,
      Long campaignId,
      String contactId) {}

  /** Whether the rule is counted from link rows read once per pass (see {@link #linkRows}). */
  public static boolean countsFromLinkRows(Rule rule) {
    return rule.window() == null && rule.scope() != Scope.CAMPAIGN;
  }

  /**
   * The links of the given subjects of a scope (MESSAGE, LINK or CONTACT), grouped by subject: one
   * query per 500 subjects, shared by every rule of the scope.
   */
  public Map<String, List<LinkRow>> linkRows(Scope scope, Collection<String> subjects) {
    String key =
        switch (scope) {
          case MESSAGE -> "l.MESSAGE_ID";
          case LINK -> "l.ID";
          case CONTACT -> "m.CONTACT_ID";
          case CAMPAIGN -> throw new IllegalArgumentException("Campaigns are counted by query");
        };
    Map<String, List<LinkRow>> rows = new HashMap<>();
    if (subjects.isEmpty()) {
      return rows;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (List<String> chunk : InList.chunks(subjects)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + key
                    + ", l.ID, l.MESSAGE_ID, l.ORIGINAL_URL, l.CLICKS, m.CAMPAIGN_ID, m.CONTACT_ID"
                    + " FROM LT_LINK l LEFT JOIN LT_MESSAGE m ON m.ID = l.MESSAGE_ID WHERE "
                    + key
                    + " IN ("
                    + InList.placeholders(chunk.size())
                    + ")")) {
          int index = 1;
          for (String subject : chunk) {
            if (scope == Scope.CONTACT) {
              select.setString(index++, subject);
            } else {
              select.setLong(index++, Long.parseLong(subject));
            }
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              long messageId = result.getLong(3);
              Long message = result.wasNull() ? null : messageId;
              long campaignId = result.getLong(6);
              Long campaign = result.wasNull() ? null : campaignId;
              LinkRow row =
                  new LinkRow(
                      result.getLong(2),
                      message,
                      result.getString(4),
                      result.getLong(5),
                      campaign,
                      result.getString(7));
              rows.computeIfAbsent(result.getString(1), subject -> new ArrayList<>()).add(row);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the links of " + scope + " subjects", e);
    }
    return rows;
  }

  /**
   * The rule's metric over one subject's link rows: the clicks of the links it counts, or for
   * unique clicks the clicked links of a message, the distinct clicked URLs of a contact.
   */
  public static long value(Rule rule, List<LinkRow> links) {
    List<LinkRow> counted =
        links.stream().filter(link -> rule.counts(link.originalUrl(), link.campaignId())).toList();
    if (rule.metric() == Metric.CLICKS) {
      return counted.stream().mapToLong(LinkRow::clicks).sum();
    }
    return counted.stream()
        .filter(link -> link.clicks() > 0)
        .map(link -> rule.scope() == Scope.CONTACT ? link.originalUrl() : link.linkId())
        .distinct()
        .count();
  }

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
      // the click rows inside the window, joined only to what the rule filters or groups on
      boolean needsLink = rule.urlContains() != null || (unique && rule.scope() == Scope.CONTACT);
      boolean needsMessage =
          rule.campaignId() != null
              || rule.scope() == Scope.CAMPAIGN
              || rule.scope() == Scope.CONTACT;
      from =
          "LT_CLICK c"
              + (needsLink ? " JOIN LT_LINK l ON l.ID = c.LINK_ID" : "")
              + (needsMessage ? " JOIN LT_MESSAGE m ON m.ID = c.MESSAGE_ID" : "");
      conditions.add("c.CLICKED_AT > ?");
      conditions.add("c.CLICKED_AT <= ?");
      conditions.add("c.BOT = FALSE"); // previews and scanners never count
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
