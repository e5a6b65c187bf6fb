package io.linktrack.platform;

/**
 * Text a client may give: what both databases store and compare. A JSON escape or a query string
 * can spell text that no database column takes: NUL ({@code \u0000}, {@code %00}; PostgreSQL
 * refuses it, Derby keeps it) and unpaired surrogates ({@code "\uD800"}, which has no UTF-8 form).
 * Neither is ever meant.
 */
public final class StorableText {

  private StorableText() {}

  /** The text, or an {@link InvalidInput} naming the field when a database could not take it. */
  public static String check(String field, String text) {
    if (text == null) {
      return null;
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      boolean unpaired =
          Character.isHighSurrogate(c)
              ? k + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++k))
              : Character.isLowSurrogate(c);
      if (c == '\u0000' || unpaired) {
        throw new InvalidInput(
            field, field + " must be Unicode text without NUL characters or unpaired surrogates");
      }
    }
    return text;
  }
}
