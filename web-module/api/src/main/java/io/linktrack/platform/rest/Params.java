package io.linktrack.platform.rest;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.StorableInstants;
import io.linktrack.platform.StorableText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses path and query parameters by hand, so that a bad value gets a 400 that names the parameter
 * (JAX-RS would answer a failed query-parameter conversion with a bare 404).
 */
public final class Params {

  private Params() {}

  /** An id in a path: anything that is not one names no record. */
  public static long id(String what, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new NotFound(what, value);
    }
  }

  /** Free text, stripped; null when absent or blank. */
  public static String optionalText(String name, String value) {
    return value == null || value.isBlank() ? null : StorableText.check(name, value.strip());
  }

  public static Long optionalLong(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, name + " must be a whole number");
    }
  }

  public static int intOr(String name, String value, int fallback) {
    Long parsed = optionalLong(name, value);
    if (parsed == null) {
      return fallback;
    }
    if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
      throw new InvalidInput(name, name + " is out of range");
    }
    return parsed.intValue();
  }

  public static Boolean optionalBoolean(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new InvalidInput(name, name + " must be true or false");
    };
  }

  /** An ISO-8601 instant (2026-11-23T10:15:30Z) or a date (2026-11-23, midnight UTC). */
  public static Instant optionalInstant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return StorableInstants.check(
          name,
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          name,
          name + " must be an ISO-8601 date or instant, like 2026-11-23 or 2026-11-23T10:15:30Z");
    }
  }
}
