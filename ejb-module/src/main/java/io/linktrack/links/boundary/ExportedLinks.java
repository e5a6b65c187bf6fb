package io.linktrack.links.boundary;

import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.entity.LinkType;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.platform.StreamingRead;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
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
    String base = shortLinks.baseUrl();
    StreamingRead.streamCreated(
        dataSource,
        "SELECT ID, MESSAGE_ID, NAME, ORIGINAL_URL, CODE, CAMPAIGN_ID, CREATED_AT, EXPIRES_AT,"
            + " RETIRED_AT, CLICKS, BOT_CLICKS, FIRST_CLICK, LAST_CLICK FROM LT_LINK",
        from,
        to,
        campaignId,
        row ->
            new Row(
                row.getLong(1),
                StreamingRead.nullableLong(row, 2),
                row.getString(3),
                row.getString(4),
                ShortCode.shortUrl(base, row.getString(5)),
                StreamingRead.nullableLong(row, 6),
                StreamingRead.instant(row, 7),
                StreamingRead.instant(row, 8),
                StreamingRead.instant(row, 9),
                row.getLong(10),
                row.getLong(11),
                StreamingRead.instant(row, 12),
                StreamingRead.instant(row, 13)),
        sink);
  }
}
