package io.linktrack.links.entity;

import io.linktrack.platform.InvalidInput;

/**
 * Where a custom link sends its visitors: an absolute {@code http} or {@code https} URL with a
 * host, at most {@value TrackedLink#MAX_URL} characters, without spaces or control characters (it
 * has to fit a {@code Location} header; non-ASCII characters are fine, the redirect encodes them).
 */
public record Destination(String url) {

  public Destination {
    if (url == null || url.isBlank()) {
      throw new InvalidInput("url", "url is required and must not be blank");
    }
    if (url.length() > TrackedLink.MAX_URL) {
      throw new InvalidInput(
          "url",
          "url is at most " + TrackedLink.MAX_URL + " characters; this one has " + url.length());
    }
    int authority = schemeLength(url);
    if (authority == 0) {
      throw new InvalidInput("url", "url must be an absolute http:// or https:// URL");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidInput("url", "url must not contain spaces or control characters");
      }
    }
    if (!hasHost(url, authority)) {
      throw new InvalidInput("url", "url must name a host");
    }
  }

  /** Trims the URL a client sent before checking it. */
  public static Destination of(String url) {
    return new Destination(url == null ? null : url.strip());
  }

  private static int schemeLength(String url) {
    String lower = url.length() >= 8 ? url.substring(0, 8).toLowerCase(java.util.Locale.ROOT) : "";
    if (lower.startsWith("https://")) {
      return 8;
    }
    return lower.startsWith("http://") ? 7 : 0;
  }

  private static boolean hasHost(String url, int from) {
    int end = from;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int host = url.lastIndexOf('@', end - 1) + 1;
    host = Math.max(host, from);
    return host < end && url.charAt(host) != ':';
  }
}
