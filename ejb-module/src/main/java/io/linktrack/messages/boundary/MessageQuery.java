package io.linktrack.messages.boundary;

import io.linktrack.platform.InvalidInput;
import java.time.Instant;

/**
 * Filters of the message listing. {@code clicked=true} is the report "messages with at least one
 * click"; {@code from}/{@code to} bound the creation time (from inclusive, to exclusive).
 */
public record MessageQuery(
    Long campaignId, Long batchId, Boolean clicked, Instant from, Instant to, int page, int size) {

  public static final int MAX_SIZE = 500;

  public MessageQuery {
    if (page < 0) {
      throw new InvalidInput("page", "page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "size is between 1 and " + MAX_SIZE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInput("from", "from must not be after to");
    }
  }
}
