package io.linktrack.messages.boundary;

import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.Page;
import java.time.Instant;

/**
 * Filters of the message listing. {@code clicked=true} is the report "messages with at least one
 * click"; {@code status=FAILED} finds what needs attention; {@code from}/{@code to} bound the
 * creation time (from inclusive, to exclusive).
 */
public record MessageQuery(
    Long campaignId,
    Long batchId,
    MessageStatus status,
    Boolean clicked,
    Instant from,
    Instant to,
    int page,
    int size) {

  public MessageQuery {
    Page.check(page, size);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInput("from", "from must not be after to");
    }
  }
}
