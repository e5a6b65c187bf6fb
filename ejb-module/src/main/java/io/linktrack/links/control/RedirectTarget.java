package io.linktrack.links.control;

import io.linktrack.links.entity.HostName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds the {@code Location} of the redirect a recipient gets when opening a short link.
 *
 * <p>Destinations are stored as the sender wrote them, which may include unicode hosts and paths
 * ({@code https://münchen.de/straße}). An HTTP header only carries ASCII, so the redirect converts
 * them the way a browser would before requesting the page.
 */
public final class RedirectTarget {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RedirectTarget() {}

  /**
   * The {@code Location} of a hit on a short link: the destination with the short link's query
   * merged in ({@link #mergeQuery}), in header-safe ASCII ({@link #toAscii}).
   */
  public static String location(String destination, String shortLinkQuery) {
    return toAscii(mergeQuery(destination, shortLinkQuery));
  }

  /**
   * Location-header-safe form of a URL: a unicode host becomes IDNA ASCII ({@link HostName#ascii}),
   * any other non-ASCII character is UTF-8 percent-encoded. Existing {@code %XX} escapes and
   * printable ASCII are left exactly as they are.
   *
   * <p>ASCII control characters and the space are percent-encoded too: a CR/LF in a {@code
   * Location} value would split the HTTP response, and browsers encode spaces the same way. A host
   * that IDNA rejects (e.g. a label over 63 characters) is percent-encoded instead, like the rest.
   */
  public static String toAscii(String url) {
    if (url == null || isHeaderSafe(url)) {
      return url;
    }
    int authorityStart = authorityStart(url);
    if (authorityStart < 0) {
      return percentEncodeNonAscii(url);
    }
    int authorityEnd = HostName.authorityEnd(url, authorityStart, url.length());
    int hostStart = HostName.hostStart(url, authorityStart, authorityEnd);
    int hostEnd = HostName.hostEnd(url, hostStart, authorityEnd);
    return percentEncodeNonAscii(url.substring(0, hostStart))
        + asciiHost(url.substring(hostStart, hostEnd))
        + percentEncodeNonAscii(url.substring(hostEnd));
  }

  /**
   * Adds the query parameters of the short link request to the destination's query, so campaign
   * parameters appended to a short link (for example {@code ?utm_source=qr}) reach the landing
   * page.
   *
   * <p>{@code rawQuery} is the query as received, still percent-encoded; it may be null or empty
   * (and a leading {@code ?} is ignored). A parameter whose name the destination already has is not
   * added: the sender's destination wins, so a recipient cannot override it. Repeated names in
   * {@code rawQuery} are all added when the destination lacks the name. Names are compared after
   * decoding ({@code utm%5Fsource} is {@code utm_source}; {@code +} is a space, as in form
   * encoding, and the comparison is case-sensitive). Everything is otherwise copied exactly as
   * given, and the destination's fragment stays at the end.
   */
  public static String mergeQuery(String destination, String rawQuery) {
    if (destination == null || rawQuery == null) {
      return destination;
    }
    String query = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
    if (query.isEmpty()) {
      return destination;
    }
    // The fragment is split off first: in "https://a.com/#/route?x=1" the "?" belongs to it.
    int hash = destination.indexOf('#');
    String fragment = hash < 0 ? "" : destination.substring(hash);
    String beforeFragment = hash < 0 ? destination : destination.substring(0, hash);
    int questionMark = beforeFragment.indexOf('?');
    String destinationQuery = questionMark < 0 ? "" : beforeFragment.substring(questionMark + 1);

    Set<String> destinationNames = new HashSet<>();
    for (String parameter : destinationQuery.split("&", -1)) {
      if (!parameter.isEmpty()) {
        destinationNames.add(decodedName(parameter));
      }
    }
    StringBuilder added = new StringBuilder();
    for (String parameter : query.split("&", -1)) {
      if (parameter.isEmpty() || destinationNames.contains(decodedName(parameter))) {
        continue;
      }
      if (added.length() > 0) {
        added.append('&');
      }
      added.append(parameter);
    }
    if (added.length() == 0) {
      return destination;
    }
    StringBuilder merged = new StringBuilder(destination.length() + added.length() + 2);
    merged.append(beforeFragment);
    if (questionMark < 0) {
      merged.append('?');
    } else if (!destinationQuery.isEmpty() && !destinationQuery.endsWith("&")) {
      merged.append('&');
    }
    return merged.append(added).append(fragment).toString();
  }

  // ---------------------------------------------------------------------------------------------

  /** True when every character is printable ASCII: nothing to convert. */
  private static boolean isHeaderSafe(String url) {
    for (int k = 0; k < url.length(); k++) {
      char c = url.charAt(k);
      if (c <= ' ' || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Index after {@code scheme://}, or -1 if the URL has no authority (e.g. a relative URL). */
  private static int authorityStart(String url) {
    int colon = url.indexOf(':');
    if (colon <= 0 || !url.startsWith("//", colon + 1)) {
      return -1;
    }
    for (int k = 0; k < colon; k++) {
      char c = url.charAt(k);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
      if (!(letter || (k > 0 && other))) {
        return -1;
      }
    }
    return colon + 3;
  }

  /**
   * The host in punycode. Destinations stored before the host rule was strict may hold a host IDNA
   * still reads (full-width dots, say); whatever it refuses is percent-encoded like a path.
   */
  private static String asciiHost(String host) {
    try {
      String ascii = HostName.toAscii(host);
      if (isHeaderSafe(ascii)) {
        return ascii;
      }
    } catch (IllegalArgumentException notAnIdn) {
      // percent-encoded below
    }
    return percentEncodeNonAscii(host);
  }

  /** UTF-8 percent-encodes non-ASCII, control characters and spaces; keeps everything else. */
  private static String percentEncodeNonAscii(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int k = 0; k < s.length(); ) {
      int codePoint = s.codePointAt(k);
      k += Character.charCount(codePoint);
      if (codePoint > ' ' && codePoint < 0x7F) {
        out.append((char) codePoint);
        continue;
      }
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        codePoint = 0xFFFD; // a lone surrogate has no UTF-8 form; encode the replacement character
      }
      for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /** The parameter name (before the first '='), percent-decoded as UTF-8; '+' means space. */
  private static String decodedName(String parameter) {
    int equals = parameter.indexOf('=');
    String name = equals < 0 ? parameter : parameter.substring(0, equals);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      int high = k + 2 < name.length() ? Character.digit(name.charAt(k + 1), 16) : -1;
      int low = k + 2 < name.length() ? Character.digit(name.charAt(k + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        k += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        // Literal text (including a malformed escape such as "%zz") is kept as its UTF-8 bytes.
        int codePoint = name.codePointAt(k);
        k += Character.charCount(codePoint) - 1;
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
