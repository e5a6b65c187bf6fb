package io.linktrack.messages.boundary;

import io.linktrack.platform.StreamingRead;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The messages of the messages export, oldest first (by creation, then id), handed on one by one as
 * they are read from a streaming cursor: created at or after {@code from}, before {@code to}, of
 * one campaign; every bound optional. Their click counters are their links' (links owns them).
 */
@ApplicationScoped
public class ExportedMessages {

  /** One message as the export shows it. */
  public record Row(
      long id, String channel, String to, String status, Long campaignId, Instant createdAt) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  ExportedMessages() {}

  /** On a database of its own, outside the server. */
  public ExportedMessages(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs outside a container transaction (see {@link StreamingRead}). */
  public void stream(
      Instant from, Instant to, Long campaignId, StreamingRead.Sink<? super Row> sink)
      throws IOException {
    StreamingRead.streamCreated(
        dataSource,
        "SELECT ID, CHANNEL, RECIPIENT, STATUS, CAMPAIGN_ID, CREATED_AT FROM LT_MESSAGE",
        from,
        to,
        campaignId,
        row ->
            new Row(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                StreamingRead.nullableLong(row, 5),
                row.getTimestamp(6).toInstant()),
        sink);
  }
}
