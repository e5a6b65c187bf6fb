package io.linktrack.links.entity;

import java.net.IDN;

/**
 * The host of a link: a DNS name, an IPv4 address or a bracketed IPv6 address. One rule decides
 * both whether text in a message is a link ({@code LinkRewriter}) and whether a URL may be stored
 * ({@link Destination}), so a message can never produce a destination the API would refuse.
 *
 * <p>A name is labels separated by {@code .}, with an optional trailing dot ({@code example.com.}).
 * A label is letters and digits of any script (internationalised names such as {@code 例え.jp},
 * {@code пример.рф} or {@code उदाहरण.भारत}, combining marks after the first character) or their
 * punycode ({@code xn--r8jz45g.jp}), with hyphens inside but not at either end; no label is empty.
 * When the last label is all digits the host is meant as an IPv4 address and must be four numbers
 * of 0 to 255, as browsers read it. Anything else ({@code .example.com}, {@code -example.com},
 * {@code example.com_}) is not a host: a recipient could never reach it.
 */
public record HostName(String value) {

  public HostName {
    if (value == null || !isValid(value, 0, value.length())) {
      throw new IllegalArgumentException("Not a host name: " + value);
    }
  }

  /**
   * The name as a {@code Location} header carries it: Unicode labels in punycode, ASCII labels as
   * written. Throws {@link IllegalArgumentException} for a name IDNA refuses (a label over 63
   * characters, say).
   */
  public String ascii() {
    return toAscii(value);
  }

  /** {@link #ascii} for a host that may not pass the rule (one stored before it existed). */
  public static String toAscii(String host) {
    for (int k = 0; k < host.length(); k++) {
      if (host.charAt(k) >= 0x80) {
        return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      }
    }
    return host;
  }

  // ---------------------------------------------------------------------------------------------
  // Where the host sits in a URL: scheme://[user-info@]host[:port]/path?query#fragment

  /**
   * Where the authority starting at {@code from} ends: at the first {@code / ? # \} (browsers read
   * a backslash as a slash in http URLs) or at {@code limit}.
   */
  public static int authorityEnd(CharSequence url, int from, int limit) {
    int end = from;
    while (end < limit) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        break;
      }
      end++;
    }
    return end;
  }

  /** Where the host of the authority {@code url[from, to)} starts: after the last {@code @}. */
  public static int hostStart(CharSequence url, int from, int to) {
    for (int k = to - 1; k >= from; k--) {
      if (url.charAt(k) == '@') {
        return k + 1;
      }
    }
    return from;
  }

  /** Where the host starting at {@code hostStart} ends: at the port's colon or at {@code to}. */
  public static int hostEnd(CharSequence url, int hostStart, int to) {
    if (hostStart < to && url.charAt(hostStart) == '[') {
      for (int k = hostStart + 1; k < to; k++) {
        if (url.charAt(k) == ']') {
          return k + 1;
        }
      }
      return to;
    }
    for (int k = hostStart; k < to; k++) {
      if (url.charAt(k) == ':') {
        return k;
      }
    }
    return to;
  }

  /**
   * Whether the authority {@code url[from, to)} names a valid host, followed by nothing or by a
   * port of digits ({@code :} alone is allowed, as in URLs). The user-info is not checked.
   */
  public static boolean isValidAuthority(CharSequence url, int from, int to) {
    int hostStart = hostStart(url, from, to);
    int hostEnd = hostEnd(url, hostStart, to);
    if (!isValid(url, hostStart, hostEnd)) {
      return false;
    }
    if (hostEnd == to) {
      return true;
    }
    if (url.charAt(hostEnd) != ':') {
      return false;
    }
    for (int k = hostEnd + 1; k < to; k++) {
      char c = url.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text[from, to)} is a host by the rule above. */
  public static boolean isValid(CharSequence text, int from, int to) {
    if (from >= to) {
      return false;
    }
    if (text.charAt(from) == '[') {
      return to - from > 2 && text.charAt(to - 1) == ']' && isIpv6(text, from + 1, to - 1);
    }
    int end = text.charAt(to - 1) == '.' ? to - 1 : to; // the trailing dot of a rooted name
    if (end == from) {
      return false;
    }
    int labelStart = from;
    boolean lastLabelNumeric = false;
    for (int k = from; k <= end; k++) {
      if (k == end || text.charAt(k) == '.') {
        if (!isLabel(text, labelStart, k)) {
          return false;
        }
        lastLabelNumeric = isAsciiDigits(text, labelStart, k);
        labelStart = k + 1;
      }
    }
    return !lastLabelNumeric || isIpv4(text, from, end);
  }

  private static boolean isLabel(CharSequence text, int from, int to) {
    if (from >= to || text.charAt(from) == '-' || text.charAt(to - 1) == '-') {
      return false;
    }
    for (int k = from; k < to; ) {
      int c = Character.codePointAt(text, k);
      boolean allowed =
          c == '-'
              || Character.isLetterOrDigit(c)
              || (k > from && isCombiningMark(c) && !isVariationSelector(c));
      if (!allowed) {
        return false;
      }
      k += Character.charCount(c);
    }
    return true;
  }

  private static boolean isCombiningMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Variation selectors pick an emoji's look; they are no part of a name. */
  private static boolean isVariationSelector(int c) {
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
  }

  private static boolean isAsciiDigits(CharSequence text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return from < to;
  }

  /** Four decimal numbers of 0 to 255, as {@code 192.0.2.1}. */
  private static boolean isIpv4(CharSequence text, int from, int to) {
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int k = from; k <= to; k++) {
      if (k == to || text.charAt(k) == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        value = 0;
        digits = 0;
      } else {
        char c = text.charAt(k);
        if (c < '0' || c > '9' || ++digits > 3) {
          return false;
        }
        value = value * 10 + (c - '0');
      }
    }
    return parts == 4;
  }

  /**
   * Eight groups of up to four hex digits separated by colons, one {@code ::} standing for missing
   * groups, the last two groups optionally written as IPv4 ({@code ::ffff:192.0.2.1}).
   */
  private static boolean isIpv6(CharSequence text, int from, int to) {
    int groups = 0;
    boolean elided = false;
    int k = from;
    if (to - from >= 2 && text.charAt(k) == ':' && text.charAt(k + 1) == ':') {
      elided = true;
      k += 2;
      if (k == to) {
        return true; // "::"
      }
    } else if (k < to && text.charAt(k) == ':') {
      return false;
    }
    while (k < to) {
      int groupStart = k;
      while (k < to && Character.digit(text.charAt(k), 16) >= 0 && text.charAt(k) < 0x80) {
        k++;
      }
      if (k < to && text.charAt(k) == '.') {
        // an IPv4 tail counts as two groups and ends the address
        return isIpv4(text, groupStart, to) && (elided ? groups + 2 <= 7 : groups + 2 == 8);
      }
      if (k == groupStart || k - groupStart > 4) {
        return false;
      }
      groups++;
      if (k == to) {
        break;
      }
      if (text.charAt(k) != ':') {
        return false;
      }
      k++;
      if (k < to && text.charAt(k) == ':') {
        if (elided) {
          return false;
        }
        elided = true;
        k++;
        if (k == to) {
          break;
        }
      } else if (k == to) {
        return false; // a trailing single colon
      }
    }
    return elided ? groups <= 7 : groups == 8;
  }
}
