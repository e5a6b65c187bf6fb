package io.linktrack.exports.control;

/**
 * Defuses CSV ("formula") injection. A spreadsheet opening the export runs a cell that starts with
 * {@code = + - @} (or a tab or carriage return, which some spreadsheets skip before such a
 * character) as a formula; link names, recipients and URLs come from senders and recipients, so
 * such a cell gets a leading apostrophe and is shown as text. Applied to every text cell that holds
 * user data; numbers and times written by Linktrack are left alone.
 */
public final class SafeCells {

  private SafeCells() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
