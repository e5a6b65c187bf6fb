package io.linktrack.messages.boundary;

import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.platform.InvalidInput;
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

  public static final int MAX_SIZE = 500;

  public MessageQuery {
    if (page < 0) {
      throw new InvalidInput("page", "page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "size is between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInput("page", "page is too far: page times size must stay below 2^31");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInput("from", "from must not be after to");
    }
  }
}
