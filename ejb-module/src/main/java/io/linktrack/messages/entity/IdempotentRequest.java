package io.linktrack.messages.entity;

import io.linktrack.platform.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A send request that carries an Idempotency-Key header: the key, and a fingerprint of what was
 * asked (the endpoint and the exact request body, SHA-256). A client retrying a request sends the
 * same bytes again, so comparing bytes is enough; a body that differs in any way is another
 * request.
 */
public record IdempotentRequest(String key, String fingerprint) {

  public static final int MAX_KEY = 255;

  public static final String HEADER = "Idempotency-Key";

  /**
   * Reads the header value; null when the request has none. The key is a string of 1 to 255 visible
   * ASCII characters (a UUID is the usual choice); the structured-field form of the IETF draft, in
   * double quotes, is accepted too.
   */
  public static IdempotentRequest of(String headerValue, String endpoint, String body) {
    if (headerValue == null) {
      return null;
    }
    String key = headerValue.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidInput(
          HEADER, HEADER + " is 1 to " + MAX_KEY + " visible ASCII characters, such as a UUID");
    }
    return new IdempotentRequest(key, sha256(endpoint + "\n" + (body == null ? "" : body)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
