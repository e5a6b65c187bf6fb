package io.linktrack.exports.boundary;

import io.linktrack.platform.InvalidInput;
import java.time.Instant;

/**
 * Which rows an export holds: created at or after {@code from} (inclusive), before {@code to}
 * (exclusive), of one campaign; every bound optional.
 */
public record ExportQuery(Instant from, Instant to, Long campaignId) {

  public ExportQuery {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInput("from", "from must not be after to");
    }
  }
}
