package io.linktrack.links.entity;

import io.linktrack.platform.InvalidInput;
import java.util.Optional;

/**
 * Where a link sends its visitors: an absolute {@code http} or {@code https} URL with a valid
 * {@link HostName} (the same rule that decides what counts as a link in a message), at most {@value
 * #MAX_LENGTH} characters, without spaces or control characters. Every stored destination passes
 * through here (message links, custom links, the expired-link fallback, webhook targets), so the
 * rule lives in one place.
 *
 * <p>Why so strict: a destination ends up in a {@code Location} header. CR or LF in it would let a
 * sender inject headers into the redirect, any other scheme ({@code javascript:}, {@code data:})
 * turns the redirector into a phishing or script vector, and browsers and proxies cut URLs beyond
 * 4,096 characters anyway. Non-ASCII letters are fine: the redirect encodes them.
 */
public record Destination(String url) {

  /** Longer destinations are refused: browsers and proxies cut URLs beyond this. */
  public static final int MAX_LENGTH = 4096;

  public Destination {
    check("url", url);
  }

  /** Trims the URL a client sent before checking it. */
  public static Destination of(String url) {
    return new Destination(url == null ? null : url.strip());
  }

  /** The same check, reported against the caller's own field name (e.g. {@code actions[0].url}). */
  public static Destination of(String field, String url) {
    String trimmed = url == null ? null : url.strip();
    check(field, trimmed);
    return new Destination(trimmed);
  }

  /** Whether {@code url} may be stored as a destination, as it is (not trimmed). */
  public static boolean accepts(String url) {
    return problem(url) == null;
  }

  /** Why {@code url} cannot be a destination ("is at most 4096 characters; ..."), if it cannot. */
  public static Optional<String> refusal(String url) {
    return Optional.ofNullable(problem(url));
  }

  private static void check(String field, String url) {
    String problem = problem(url);
    if (problem != null) {
      throw new InvalidInput(field, field + " " + problem);
    }
  }

  /** What is wrong with the URL, or null when nothing is. Never quotes the URL itself. */
  private static String problem(String url) {
    if (url == null || url.isBlank()) {
      return "is required and must not be blank";
    }
    if (url.length() > MAX_LENGTH) {
      return "is at most " + MAX_LENGTH + " characters; this one has " + url.length();
    }
    int authority = schemeLength(url);
    if (authority == 0) {
      return "must be an absolute http:// or https:// URL";
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return "must not contain spaces or control characters";
      }
    }
    int authorityEnd = HostName.authorityEnd(url, authority, url.length());
    int hostStart = HostName.hostStart(url, authority, authorityEnd);
    if (HostName.hostEnd(url, hostStart, authorityEnd) == hostStart) {
      return "must name a host";
    }
    if (!HostName.isValidAuthority(url, authority, authorityEnd)) {
      return "must name a valid host (letters, digits and hyphens in dot-separated labels, an IPv4"
          + " address or a bracketed IPv6 address) and a numeric port, if any";
    }
    return null;
  }

  private static int schemeLength(String url) {
    if (url.regionMatches(true, 0, "https://", 0, 8)) {
      return isAscii(url, 5) ? 8 : 0;
    }
    return url.regionMatches(true, 0, "http://", 0, 7) && isAscii(url, 4) ? 7 : 0;
  }

  /**
   * {@code regionMatches(true, ...)} also matches look-alikes such as the long s (U+017F), which
   * upper-cases to S: the scheme must be plain ASCII.
   */
  private static boolean isAscii(String url, int length) {
    for (int i = 0; i < length; i++) {
      if (url.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
