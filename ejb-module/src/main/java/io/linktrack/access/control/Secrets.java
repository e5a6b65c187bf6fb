package io.linktrack.access.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Making and checking secrets. Two kinds of hash on purpose: an API key is 256 random bits, so no
 * one can guess it from its hash however fast the hash is, and a fast SHA-256 lets every request be
 * checked cheaply; a password is chosen (or at least typed) by a person and could be guessed, so it
 * gets a slow, salted PBKDF2 hash.
 */
public final class Secrets {

  public static final String KEY_PREFIX = "lt_";

  // OWASP's 2023 figure for PBKDF2-HMAC-SHA256
  static final int ITERATIONS = 600_000;
  private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new API key: {@code lt_} and 32 random bytes, base64url without padding (43 chars). */
  public static String newApiKey() {
    return KEY_PREFIX + randomText(32);
  }

  /** A password for the bootstrap administrator: 18 random bytes (144 bits), 24 characters. */
  public static String newPassword() {
    return randomText(18);
  }

  private static String randomText(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Hex SHA-256: how API keys are stored and looked up. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code pbkdf2-sha256$iterations$salt$hash}, salt and hash in base64. */
  public static String hashPassword(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
  }

  public static boolean matchesPassword(String password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (password == null || parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = pbkdf2(password, salt, Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Compares two texts in time that does not depend on where they differ. */
  public static boolean sameText(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 17 runtime has " + PBKDF2, e);
    }
  }
}
