package io.linktrack.rules.boundary;

import io.linktrack.platform.InvalidInput;
import java.time.Instant;

/** Filters of the alert listing: one rule, and the firing time (from inclusive, to exclusive). */
public record AlertQuery(Long ruleId, Instant from, Instant to, int page, int size) {

  public static final int MAX_SIZE = 500;

  public AlertQuery {
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
