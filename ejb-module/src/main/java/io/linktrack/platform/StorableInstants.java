package io.linktrack.platform;

import java.time.Instant;

/**
 * The instants a client may give: those both databases store and compare. Java reads years up to
 * ±999,999,999, Derby's TIMESTAMP holds years 1 to 9999, and a SQL timestamp counts days of the
 * Julian calendar before 1582; years 1000 to 9999 keep clear of all of that.
 */
public final class StorableInstants {

  public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private StorableInstants() {}

  /** The instant, or an {@link InvalidInput} naming the field when it is outside the range. */
  public static Instant check(String field, Instant instant) {
    if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      throw new InvalidInput(field, field + " must lie between the years 1000 and 9999");
    }
    return instant;
  }
}
