package io.linktrack.links.entity;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed check on short codes: a new code is {@code length} random base62 characters followed by
 * a two-character tag, HMAC-SHA256 of the random part under the server secret. A code someone
 * guesses carries a wrong tag 3,843 times in 3,844 and is refused from this check alone, without a
 * cache or database lookup (and without filling the cache with remembered misses).
 *
 * <p>Which codes are checked: only those of exactly {@link #taggedLength()} characters. Codes
 * handed out before tags existed (the default was 8 random characters) and codes of any other
 * length are looked up as before; they are already in texts people received and must keep working.
 * Their guessers still meet the per-address miss limit. The one clash would be untagged codes of
 * the tagged length, which exist only if {@code linktrack.links.code-length} was once set two
 * higher than now; operations.md says not to lower it.
 *
 * <p>Thread-safe; the MAC and its buffers are per thread, so a check allocates nothing.
 */
public final class CodeTag {

  public static final int TAG_LENGTH = 2;

  private static final int TAGS = 62 * 62;

  private final int length;
  private final ThreadLocal<Signer> signers;

  /** {@code length} random characters, tagged under {@code key} (at least 16 bytes). */
  public CodeTag(byte[] key, int length) {
    if (key.length < 16) {
      throw new IllegalArgumentException("A code key has at least 16 bytes");
    }
    if (length < ShortCode.MIN_LENGTH || length + TAG_LENGTH > ShortCode.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A tagged code has "
              + ShortCode.MIN_LENGTH
              + " to "
              + (ShortCode.MAX_LENGTH - TAG_LENGTH)
              + " random characters, not "
              + length);
    }
    this.length = length;
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.signers = ThreadLocal.withInitial(() -> new Signer(spec));
    signers.get(); // fails here, at start, if the JVM lacks HmacSHA256
  }

  public int taggedLength() {
    return length + TAG_LENGTH;
  }

  /** A new random, tagged code. */
  public ShortCode random(SecureRandom random) {
    char[] chars = new char[taggedLength()];
    for (int i = 0; i < length; i++) {
      chars[i] = ShortCode.ALPHABET[random.nextInt(ShortCode.ALPHABET.length)];
    }
    signers.get().tag(chars, length);
    return new ShortCode(new String(chars));
  }

  /**
   * True when the code has the shape of a tagged code and its tag is wrong: no link can have it.
   * Any other code is left to the caller: an untagged or older one to the lookup, a malformed one
   * ({@code robots.txt}) to {@link ShortCode#parse}, which refuses it without a lookup too.
   */
  public boolean refuses(String code) {
    if (code == null || code.length() != taggedLength()) {
      return false;
    }
    return signers.get().wrong(code, length);
  }

  private static final class Signer {
    private final Mac mac;
    private final byte[] in = new byte[ShortCode.MAX_LENGTH];
    private final byte[] out;
    private final char[] tag = new char[TAG_LENGTH];

    Signer(SecretKeySpec key) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
      out = new byte[mac.getMacLength()];
    }

    /** Writes the tag of {@code chars[0, length)} into {@code chars[length, length + 2)}. */
    void tag(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        in[i] = (byte) chars[i];
      }
      compute(length);
      chars[length] = tag[0];
      chars[length + 1] = tag[1];
    }

    /** Whether the tag is wrong; false for a malformed code, which the caller refuses anyway. */
    boolean wrong(CharSequence code, int length) {
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
          return false;
        }
        if (i < length) {
          in[i] = (byte) c;
        }
      }
      compute(length);
      return code.charAt(length) != tag[0] | code.charAt(length + 1) != tag[1];
    }

    private void compute(int length) {
      mac.update(in, 0, length);
      try {
        mac.doFinal(out, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      // the first 32 bits, reduced to 62 * 62 tags (the bias is below one in a million)
      long bits =
          ((out[0] & 0xffL) << 24)
              | ((out[1] & 0xffL) << 16)
              | ((out[2] & 0xffL) << 8)
              | (out[3] & 0xffL);
      int value = (int) (bits % TAGS);
      tag[0] = ShortCode.ALPHABET[value / 62];
      tag[1] = ShortCode.ALPHABET[value % 62];
    }
  }
}
