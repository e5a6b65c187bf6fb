package io.linktrack.exports.boundary;

import io.linktrack.exports.control.SafeCells;
import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.entity.LinkType;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV exports of links and messages, written straight to the response as the rows come from the
 * database.
 *
 * <p>Memory stays flat however many rows match: one forward-only, read-only cursor fetches {@value
 * #FETCH_SIZE} rows at a time, and each row is written before the next is read. PostgreSQL only
 * streams a cursor inside a transaction, yet a container transaction would time out on a long
 * download; so the method runs outside one and reads in a local, read-only transaction of its own
 * connection, rolled back at the end (nothing is written).
 *
 * <p>Rows are in order of creation, oldest first. Times are ISO-8601 instants in UTC; counters are
 * the links' counters, as in the API.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Exports {

  static final int FETCH_SIZE = 500;

  private static final String[] LINK_HEADER = {
    "id",
    "type",
    "name",
    "originalUrl",
    "shortUrl",
    "campaignId",
    "campaign",
    "messageId",
    "createdAt",
    "expiresAt",
    "retiredAt",
    "clicks",
    "uniqueClicks",
    "botClicks",
    "firstClick",
    "lastClick"
  };

  private static final String[] MESSAGE_HEADER = {
    "id",
    "channel",
    "to",
    "status",
    "campaignId",
    "campaign",
    "createdAt",
    "clicks",
    "firstClick",
    "lastClick",
    "linksClicked"
  };

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject ShortLinks shortLinks;

  public void writeLinks(ExportQuery query, OutputStream out) throws IOException {
    String sql =
        "SELECT l.ID, l.MESSAGE_ID, l.NAME, l.ORIGINAL_URL, l.CODE, l.CAMPAIGN_ID, c.NAME,"
            + " l.CREATED_AT, l.EXPIRES_AT, l.RETIRED_AT, l.CLICKS, l.FIRST_CLICK, l.LAST_CLICK,"
            + " l.BOT_CLICKS FROM LT_LINK l LEFT JOIN LT_CAMPAIGN c ON c.ID = l.CAMPAIGN_ID"
            + where("l", query)
            + " ORDER BY l.CREATED_AT, l.ID";
    String base = shortLinks.baseUrl();
    stream(
        sql,
        query,
        out,
        LINK_HEADER,
        (rows, csv) -> {
          while (rows.next()) {
            long messageId = rows.getLong(2);
            boolean custom = rows.wasNull();
            csv.printRecord(
                rows.getLong(1),
                custom ? LinkType.CUSTOM : LinkType.MESSAGE,
                SafeCells.text(rows.getString(3)),
                SafeCells.text(rows.getString(4)),
                ShortCode.shortUrl(base, rows.getString(5)),
                nullableLong(rows, 6),
                SafeCells.text(rows.getString(7)),
                custom ? null : messageId,
                instant(rows, 8),
                instant(rows, 9),
                instant(rows, 10),
                rows.getLong(11),
                rows.getLong(11) > 0 ? 1 : 0,
                rows.getLong(14),
                instant(rows, 12),
                instant(rows, 13));
          }
        });
  }

  public void writeMessages(ExportQuery query, OutputStream out) throws IOException {
    // One row per link (or one for a message without links), grouped back into messages below:
    // the rows of a message are adjacent because of the order.
    String sql =
        "SELECT m.ID, m.CHANNEL, m.RECIPIENT, m.STATUS, m.CAMPAIGN_ID, c.NAME, m.CREATED_AT,"
            + " l.ORIGINAL_URL, l.CLICKS, l.FIRST_CLICK, l.LAST_CLICK, l.POSITION"
            + " FROM LT_MESSAGE m LEFT JOIN LT_CAMPAIGN c ON c.ID = m.CAMPAIGN_ID"
            + " LEFT JOIN LT_LINK l ON l.MESSAGE_ID = m.ID"
            + where("m", query)
            + " ORDER BY m.CREATED_AT, m.ID";
    stream(
        sql,
        query,
        out,
        MESSAGE_HEADER,
        (rows, csv) -> {
          MessageRow current = null;
          while (rows.next()) {
            long id = rows.getLong(1);
            if (current == null || current.id != id) {
              if (current != null) {
                current.print(csv);
              }
              current = new MessageRow(rows);
            }
            current.addLink(rows);
          }
          if (current != null) {
            current.print(csv);
          }
        });
  }

  private static String where(String alias, ExportQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (query.from() != null) {
      where.append(" AND ").append(alias).append(".CREATED_AT >= ?");
    }
    if (query.to() != null) {
      where.append(" AND ").append(alias).append(".CREATED_AT < ?");
    }
    if (query.campaignId() != null) {
      where.append(" AND ").append(alias).append(".CAMPAIGN_ID = ?");
    }
    return where.toString();
  }

  private interface RowWriter {
    void write(ResultSet rows, CSVPrinter csv) throws SQLException, IOException;
  }

  private void stream(
      String sql, ExportQuery query, OutputStream out, String[] header, RowWriter writer)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
    CSVPrinter csv =
        new CSVPrinter(
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
            format);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select =
          connection.prepareStatement(
              sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        select.setFetchSize(FETCH_SIZE);
        int index = 1;
        if (query.from() != null) {
          select.setTimestamp(index++, Timestamp.from(query.from()));
        }
        if (query.to() != null) {
          select.setTimestamp(index++, Timestamp.from(query.to()));
        }
        if (query.campaignId() != null) {
          select.setLong(index, query.campaignId());
        }
        try (ResultSet rows = select.executeQuery()) {
          writer.write(rows, csv);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the export", e);
    }
    csv.flush(); // not closed: the response stream belongs to the container
  }

  private static Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    Timestamp timestamp = rows.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A message being gathered from its rows: the message's columns and its links' counters. */
  private static final class MessageRow {
    final long id;
    final String channel;
    final String to;
    final String status;
    final Long campaignId;
    final String campaign;
    final Instant createdAt;
    final List<ClickedLink> clicked = new ArrayList<>();
    long clicks;
    Instant firstClick;
    Instant lastClick;

    MessageRow(ResultSet rows) throws SQLException {
      id = rows.getLong(1);
      channel = rows.getString(2);
      to = rows.getString(3);
      status = rows.getString(4);
      campaignId = nullableLong(rows, 5);
      campaign = rows.getString(6);
      createdAt = instant(rows, 7);
    }

    void addLink(ResultSet rows) throws SQLException {
      String url = rows.getString(8);
      if (url == null) {
        return; // a message without links
      }
      clicks += rows.getLong(9);
      Instant first = instant(rows, 10);
      Instant last = instant(rows, 11);
      if (first != null) {
        clicked.add(new ClickedLink(url, first, rows.getInt(12)));
        firstClick = firstClick == null || first.isBefore(firstClick) ? first : firstClick;
      }
      if (last != null) {
        lastClick = lastClick == null || last.isAfter(lastClick) ? last : lastClick;
      }
    }

    void print(CSVPrinter csv) throws IOException {
      // as linksClicked in the API: each clicked URL once, in the order of its first click
      String links =
          clicked.stream()
              .sorted(
                  Comparator.comparing(ClickedLink::firstClick)
                      .thenComparingInt(ClickedLink::position))
              .map(ClickedLink::url)
              .collect(Collectors.joining(" "));
      csv.printRecord(
          id,
          channel,
          SafeCells.text(to),
          status,
          campaignId,
          SafeCells.text(campaign),
          createdAt,
          clicks,
          firstClick,
          lastClick,
          SafeCells.text(links));
    }
  }

  private record ClickedLink(String url, Instant firstClick, int position) {}
}
