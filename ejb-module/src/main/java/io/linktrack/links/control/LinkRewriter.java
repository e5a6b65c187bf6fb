package io.linktrack.links.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Replaces the links of an outbound message body with short tracking links.
 *
 * <p>Only {@code http://} and {@code https://} URLs are tracked. Anything else a sender writes
 * ({@code www.example.com}, {@code example.com/x}, {@code mailto:}, {@code tel:}, {@code ftp://})
 * stays as written: that is how a sender keeps a link untracked in an SMS.
 *
 * <p>In {@link BodyFormat#TEXT} bodies, URLs are found by a single linear scan of the text (no
 * regular expressions, so a huge or hostile body cannot cause catastrophic backtracking). In {@link
 * BodyFormat#HTML} bodies, only the {@code href} of {@code <a>} elements is a link, found with
 * jsoup; the short link is spliced into the original text rather than re-serialising the document.
 */
public final class LinkRewriter {

  /** The class a sender puts on an {@code <a>} to keep that link untracked. */
  private static final String UNTRACKED_CLASS = "untracked";

  private LinkRewriter() {}

  /**
   * Returns the body with every trackable URL replaced by {@code shortLinkFor.apply(url)}.
   *
   * <p>{@code shortLinkFor} is called exactly once per distinct original URL, in order of first
   * appearance (the same URL twice in one body shares one short link). If there is nothing to
   * track, the body is returned unchanged (the same instance).
   */
  public static String rewrite(String body, BodyFormat format, UnaryOperator<String> shortLinkFor) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(shortLinkFor, "shortLinkFor");
    List<Link> links = find(body, format);
    if (links.isEmpty()) {
      return body;
    }
    // Links are in source order, so the first lookup of each URL happens in first-appearance order.
    Map<String, String> shortByUrl = new HashMap<>();
    StringBuilder out = new StringBuilder(body.length() + links.size() * 8);
    int copied = 0;
    for (Link link : links) {
      String shortLink = shortByUrl.get(link.url);
      if (shortLink == null) {
        shortLink = shortLinkFor.apply(link.url);
        if (shortLink == null) {
          throw new IllegalStateException("no short link was created for " + link.url);
        }
        shortByUrl.put(link.url, shortLink);
      }
      // Same result as splicing from the end backwards, in one forward pass.
      out.append(body, copied, link.start);
      out.append(format == BodyFormat.HTML ? escapeAttribute(shortLink, link.unquoted) : shortLink);
      copied = link.end;
    }
    return out.append(body, copied, body.length()).toString();
  }

  /** The distinct trackable URLs of the body in order of first appearance (as {@link #rewrite}). */
  public static List<String> trackableUrls(String body, BodyFormat format) {
    Objects.requireNonNull(format, "format");
    LinkedHashSet<String> urls = new LinkedHashSet<>();
    for (Link link : find(body, format)) {
      urls.add(link.url);
    }
    return List.copyOf(urls);
  }

  /** A link found in the body: the text range to replace and the original URL it stands for. */
  private static final class Link {
    final int start;
    final int end;
    final String url;
    final boolean unquoted;

    Link(int start, int end, String url, boolean unquoted) {
      this.start = start;
      this.end = end;
      this.url = url;
      this.unquoted = unquoted;
    }
  }

  private static List<Link> find(String body, BodyFormat format) {
    if (body == null || body.isEmpty()) {
      return List.of();
    }
    return format == BodyFormat.HTML ? findInHtml(body) : findInText(body);
  }

  // ---------------------------------------------------------------------------------------------
  // TEXT

  /**
   * Finds URLs in plain text. A URL starts at {@code http://} or {@code https://} (any case) that
   * is not glued to a preceding word, needs a non-empty host, and runs to the next terminator (see
   * {@link #isTerminator}). Trailing sentence punctuation and unbalanced closing brackets are then
   * given back to the sentence (see {@link #trimTrailing}).
   */
  private static List<Link> findInText(String text) {
    List<Link> links = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if ((c == 'h' || c == 'H') && !gluedToWord(text, i)) {
        int schemeLength = schemeLength(text, i);
        if (schemeLength > 0) {
          int end = urlEnd(text, i, schemeLength);
          if (end > 0) {
            links.add(new Link(i, end, text.substring(i, end), false));
            i = end;
            continue;
          }
        }
      }
      i++;
    }
    return links;
  }

  /**
   * Length of an {@code http://} or {@code https://} prefix at {@code at}, else 0. The scheme is
   * compared as ASCII only: {@code String.regionMatches(true, ...)} would also accept look-alikes
   * such as the long s (U+017F), which upper-cases to {@code S}.
   */
  private static int schemeLength(String s, int at) {
    if (asciiStartsWithIgnoreCase(s, at, "https://")) {
      return 8;
    }
    return asciiStartsWithIgnoreCase(s, at, "http://") ? 7 : 0;
  }

  private static boolean asciiStartsWithIgnoreCase(String s, int at, String lowerPrefix) {
    if (at + lowerPrefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < lowerPrefix.length(); k++) {
      char c = s.charAt(at + k);
      char expected = lowerPrefix.charAt(k);
      if (c != expected && !(expected >= 'a' && expected <= 'z' && c == expected - 32)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code xhttp://a.com} or {@code 2https://a.com} is part of a word, not a link. Chinese and
   * Japanese are written without spaces, so a URL right after an ideograph or kana still counts.
   */
  private static boolean gluedToWord(String s, int at) {
    if (at == 0) {
      return false;
    }
    int before = s.codePointBefore(at);
    if (!Character.isLetterOrDigit(before)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(before);
    return !(Character.isIdeographic(before)
        || script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA);
  }

  /**
   * The end (exclusive) of the URL starting at {@code start}, or -1 if there is no host.
   *
   * <p>Runs in time proportional to the URL: the host check only looks at the authority (which ends
   * at the first {@code /}), so a body full of {@code http:///} candidates stays linear.
   */
  private static int urlEnd(String s, int start, int schemeLength) {
    int authorityStart = start + schemeLength;
    int authorityEnd = authorityEnd(s, authorityStart, s.length());
    if (!hasHost(s, authorityStart, authorityEnd)) {
      return -1;
    }
    int end = authorityEnd;
    while (end < s.length() && !isTerminator(s.charAt(end))) {
      end++;
    }
    end = trimTrailing(s, start, end);
    // Trimming can eat into the authority ("http://a." is fine, "http://." is not a URL).
    if (end < authorityEnd && !hasHost(s, authorityStart, end)) {
      return -1;
    }
    return end;
  }

  private static int authorityEnd(String s, int from, int limit) {
    int end = from;
    while (end < limit) {
      char c = s.charAt(end);
      if (c == '/' || c == '?' || c == '#' || isTerminator(c)) {
        break;
      }
      end++;
    }
    return end;
  }

  /**
   * Whether {@code [user-info@]host[:port]} in {@code s[from, to)} has a non-empty host. Only looks
   * inside the range, never before or after it, to keep the text scan linear.
   */
  private static boolean hasHost(String s, int from, int to) {
    int hostStart = from;
    for (int k = to - 1; k >= from; k--) {
      if (s.charAt(k) == '@') {
        hostStart = k + 1;
        break;
      }
    }
    if (hostStart >= to) {
      return false;
    }
    if (s.charAt(hostStart) == '[') {
      // IPv6 literal: "[::1]" needs at least one character between the brackets.
      for (int k = hostStart + 1; k < to; k++) {
        if (s.charAt(k) == ']') {
          return k > hostStart + 1;
        }
      }
      return false;
    }
    return s.charAt(hostStart) != ':';
  }

  /**
   * Characters that end a URL in text. These can never appear raw in a real URL, and they are what
   * people put around links: whitespace (including no-break and other Unicode spaces), control
   * characters, {@code < > " `}, typographic double quotes and guillemets ({@code “ ” „ « »}), and
   * the invisible zero-width space / word joiner / BOM that senders use to break a link apart.
   * Apostrophes are NOT terminators ({@code /wiki/O'Brien} is a valid path); a closing one at the
   * end is trimmed as punctuation instead.
   */
  private static boolean isTerminator(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
      return true;
    }
    switch (c) {
      case '<':
      case '>':
      case '"':
      case '`':
      case '\u201C': // “
      case '\u201D': // ”
      case '\u201E': // „
      case '\u00AB': // «
      case '\u00BB': // »
      case '\u200B': // zero-width space
      case '\u2060': // word joiner
      case '\uFEFF': // zero-width no-break space / BOM
        return true;
      default:
        return false;
    }
  }

  /**
   * Gives trailing characters back to the sentence. People end sentences right after a link ("see
   * https://a.com/x." or "really https://a.com?!"), and a recipient following the link with the
   * period attached would land on a 404. So sentence punctuation and closing quotes at the end are
   * not part of the URL, repeatedly. A closing bracket at the end stays only while it is balanced
   * by an opening one inside the URL: "(see https://en.wikipedia.org/wiki/Foo_(bar))" keeps one ")"
   * and gives the other back. Only the end is trimmed; characters in the middle are kept.
   */
  private static int trimTrailing(String s, int start, int end) {
    int parens = 0;
    int brackets = 0;
    int braces = 0;
    for (int k = start; k < end; k++) {
      switch (s.charAt(k)) {
        case '(' -> parens++;
        case ')' -> parens--;
        case '[' -> brackets++;
        case ']' -> brackets--;
        case '{' -> braces++;
        case '}' -> braces--;
        default -> {}
      }
    }
    // The counters now hold opening minus closing; negative means unbalanced closers.
    while (end > start) {
      char last = s.charAt(end - 1);
      if (isTrailingPunctuation(last)) {
        end--;
      } else if (last == ')' && parens < 0) {
        parens++;
        end--;
      } else if (last == ']' && brackets < 0) {
        brackets++;
        end--;
      } else if (last == '}' && braces < 0) {
        braces++;
        end--;
      } else {
        break;
      }
    }
    return end;
  }

  /** Sentence punctuation and closing quotes, Latin and CJK full-width. */
  private static boolean isTrailingPunctuation(char c) {
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '\'':
      case '\u2019': // ’
      case '\u203A': // ›
      case '\u2026': // …
      case '\u3002': // 。
      case '\u3001': // 、
      case '\uFF0C': // ，
      case '\uFF0E': // ．
      case '\uFF01': // ！
      case '\uFF1F': // ？
      case '\uFF1A': // ：
      case '\uFF1B': // ；
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // HTML

  /**
   * Finds the {@code href} values of {@code <a>} elements that point to http(s) URLs, with their
   * character range in the original source.
   *
   * <p>We splice into the original string instead of changing the jsoup tree and calling {@code
   * outerHtml()}: re-serialising normalises quotes, entities, whitespace, tag case and broken
   * markup, and email clients (Outlook above all) are sensitive to exactly those bytes. The rest of
   * the mail must reach the recipient as the sender wrote it.
   */
  private static List<Link> findInHtml(String html) {
    Document document = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
    // Keyed by source offset: sorts by first appearance and drops the copies of an <a> that the
    // HTML tree builder makes when it reopens formatting elements (they share the same source).
    TreeMap<Integer, Link> byStart = new TreeMap<>();
    for (Element anchor : document.getElementsByTag("a")) {
      if (anchor.classNames().contains(UNTRACKED_CLASS)) {
        continue;
      }
      Attribute href = anchor.attributes().attribute("href");
      if (href == null) {
        continue;
      }
      // Like a browser, ignore the whitespace around the URL (String.trim: ASCII space/controls).
      String url = href.getValue().trim();
      if (!isHttpUrl(url)) {
        continue;
      }
      Range value = href.sourceRange().valueRange();
      if (!isSplicable(html, value, href.getValue())) {
        continue;
      }
      int start = value.startPos();
      char before = start > 0 ? html.charAt(start - 1) : ' ';
      boolean unquoted = before != '"' && before != '\'';
      byStart.putIfAbsent(start, new Link(start, value.endPos(), url, unquoted));
    }
    return new ArrayList<>(byStart.values());
  }

  /** An href value that is exactly an http(s) URL with a host (same host rule as in text). */
  private static boolean isHttpUrl(String url) {
    int schemeLength = schemeLength(url, 0);
    if (schemeLength == 0) {
      return false;
    }
    return hasHost(url, schemeLength, authorityEnd(url, schemeLength, url.length()));
  }

  /** A link we cannot place exactly is left untracked rather than risk corrupting the mail. */
  private static boolean isSplicable(String html, Range value, String decoded) {
    if (!value.isTracked()) {
      return false;
    }
    int start = value.startPos();
    int end = value.endPos();
    if (start < 0 || end < start || end > html.length()) {
      return false;
    }
    return Parser.unescapeEntities(html.substring(start, end), true).equals(decoded);
  }

  /** Guards the markup against a short link with markup characters (ours come out unchanged). */
  private static String escapeAttribute(String value, boolean unquoted) {
    StringBuilder out = null;
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> unquoted && (c == '=' || c == '`' || c <= ' ') ? "&#" + (int) c + ";" : null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, k);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }
}
