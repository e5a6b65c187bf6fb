package io.linktrack.links.boundary;

import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.entity.LinkType;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.platform.StreamingRead;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The links of the links export, oldest first (by creation, then id), handed on one by one as they
 * are read from a streaming cursor: created at or after {@code from}, before {@code to}, of one
 * campaign; every bound optional. Counters are the links' own, as in the API.
 */
@ApplicationScoped
public class ExportedLinks {

  /** One link as the export shows it. */
  public record Row(
      long id,
      Long messageId,
      String name,
      String originalUrl,
      String shortUrl,
      Long campaignId,
      Instant createdAt,
      Instant expiresAt,
      Instant retiredAt,
      long clicks,
      long botClicks,
      Instant firstClick,
      Instant lastClick) {

    public LinkType type() {
      return messageId == null ? LinkType.CUSTOM : LinkType.MESSAGE;
    }
  }

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject ShortLinks shortLinks;

  ExportedLinks() {}

  /** On a database of its own, outside the server. */
  public ExportedLinks(DataSource dataSource, ShortLinks shortLinks) {
    this.dataSource = dataSource;
    this.shortLinks = shortLinks;
  }

  /** Runs outside a container transaction (see {@link StreamingRead}). */
  public void stream(
      Instant from, Instant to, Long campaignId, StreamingRead.Sink<? super Row> sink)
      throws IOException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT ID, MESSAGE_ID, NAME, ORIGINAL_URL, CODE, CAMPAIGN_ID, CREATED_AT, EXPIRES_AT,"
                + " RETIRED_AT, CLICKS, BOT_CLICKS, FIRST_CLICK, LAST_CLICK FROM LT_LINK"
                + " WHERE 1 = 1");
    if (from != null) {
      sql.append(" AND CREATED_AT >= ?");
    }
    if (to != null) {
      sql.append(" AND CREATED_AT < ?");
    }
    if (campaignId != null) {
      sql.append(" AND CAMPAIGN_ID = ?");
    }
    sql.append(" ORDER BY CREATED_AT, ID");
    String base = shortLinks.baseUrl();
    StreamingRead.stream(
        dataSource,
        sql.toString(),
        select -> {
          int index = 1;
          if (from != null) {
            select.setTimestamp(index++, Timestamp.from(from));
          }
          if (to != null) {
            select.setTimestamp(index++, Timestamp.from(to));
          }
          if (campaignId != null) {
            select.setLong(index, campaignId);
          }
        },
        row ->
            new Row(
                row.getLong(1),
                nullableLong(row, 2),
                row.getString(3),
                row.getString(4),
                ShortCode.shortUrl(base, row.getString(5)),
                nullableLong(row, 6),
                instant(row, 7),
                instant(row, 8),
                instant(row, 9),
                row.getLong(10),
                row.getLong(11),
                instant(row, 12),
                instant(row, 13)),
        sink);
  }

  private static Long nullableLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
