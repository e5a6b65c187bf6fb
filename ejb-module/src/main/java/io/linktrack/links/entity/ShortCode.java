package io.linktrack.links.entity;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code in a short link. Random (never derived from a sequence, so codes cannot be guessed from
 * one another), base62 so it survives SMS, email clients and copy-paste. Eight characters carry
 * 47.6 bits: at a billion stored links a random guess still hits one in ~200,000 tries.
 */
public record ShortCode(String value) {

  public static final int MIN_LENGTH = 6;
  public static final int MAX_LENGTH = 16;

  static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final Pattern WELL_FORMED =
      Pattern.compile("[0-9A-Za-z]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

  public ShortCode {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a short code: " + value);
    }
  }

  public static ShortCode random(SecureRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new ShortCode(new String(chars));
  }

  /**
   * The code of a request path, or empty when it cannot be one. A malformed code is answered
   * without touching the cache or the database.
   */
  public static Optional<ShortCode> parse(String candidate) {
    if (candidate == null || !WELL_FORMED.matcher(candidate).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ShortCode(candidate));
  }

  public static String shortUrl(String shortBaseUrl, String code) {
    return shortBaseUrl.endsWith("/") ? shortBaseUrl + code : shortBaseUrl + "/" + code;
  }
}
