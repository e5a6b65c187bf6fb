package io.linktrack.links.control;

import io.linktrack.links.entity.HostName;
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
 * regular expressions, so a huge or hostile body cannot cause catastrophic backtracking). A URL
 * ends where the text's punctuation says so in every script: {@code 请访问https://example.com/a。谢谢}
 * links {@code https://example.com/a}. In {@link BodyFormat#HTML} bodies, only the {@code href} of
 * {@code <a>} elements is a link, found with jsoup. Either way a link needs a valid {@link
 * HostName}, and the short link is spliced into the original text rather than re-serialising it:
 * putting each link's destination back gives the body as written, character for character.
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
   * Finds URLs in plain text in one pass. A URL starts at {@code http://} or {@code https://} (any
   * case) that is not glued to a preceding word ({@link #gluedToWord}), needs a valid {@link
   * HostName}, and runs until the text's punctuation says it ends ({@link #urlEnd}).
   */
  private static List<Link> findInText(String text) {
    List<Link> links = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int previousEnd = -1;
    while (i < n) {
      char c = text.charAt(i);
      // A URL ended by the start of the next one leaves that one glued to it, yet it is a URL.
      if ((c == 'h' || c == 'H') && (i == previousEnd || !gluedToWord(text, i))) {
        int schemeLength = schemeLength(text, i);
        if (schemeLength > 0) {
          int end = urlEnd(text, i, schemeLength);
          if (end > 0) {
            links.add(new Link(i, end, text.substring(i, end), false));
            i = end;
            previousEnd = end;
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
   * {@code xhttp://a.com} or {@code 2https://b.com} is part of a word, not a link. Only a Latin
   * letter or a digit glues: a scheme right after Chinese, Japanese, Thai (written without spaces)
   * or any other script's letters cannot belong to that word, so it starts a URL.
   */
  private static boolean gluedToWord(String s, int at) {
    if (at == 0) {
      return false;
    }
    int before = s.codePointBefore(at);
    return Character.isDigit(before)
        || (Character.isLetter(before)
            && Character.UnicodeScript.of(before) == Character.UnicodeScript.LATIN);
  }

  /**
   * The end (exclusive) of the URL starting at {@code start}, or -1 if it has no valid host.
   *
   * <p>The authority ({@code user@host:port}) runs to the first {@code / ? # \} and must pass
   * {@link HostName#isValidAuthority}; the path, query and fragment run to the first character
   * that ends a URL ({@link #continuesUrl}, {@link #startsAnotherUrl}). Letters of any script and
   * percent escapes stay in the URL: IRIs such as {@code https://ja.wikipedia.org/wiki/日本} are real.
   * A URL written right after an opening {@code (}, {@code [} or {@code {} (a Markdown link {@code
   * [text](https://...)}, a remark in parentheses) ends at the bracket that closes it. Trailing
   * sentence punctuation is then given back to the sentence ({@link #trimTrailing}).
   *
   * <p>Runs in time proportional to what it reads, and a URL's text is never read again by the
   * caller: the host is checked before the path is read, so a body full of {@code http://-/}
   * candidates stays linear, and a look-ahead for a closing bracket stops at the next candidate.
   */
  private static int urlEnd(String s, int start, int schemeLength) {
    int n = s.length();
    char opener = start > 0 ? s.charAt(start - 1) : 0;
    char closer =
        switch (opener) {
          case '(' -> ')';
          case '[' -> ']';
          case '{' -> '}';
          default -> 0;
        };
    int depth = 0;
    int authorityStart = start + schemeLength;
    int k = authorityStart;
    while (k < n) {
      char c = s.charAt(k);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        break;
      }
      if (closer != 0 && (c == opener || c == closer)) {
        if (c == closer && depth == 0) {
          break;
        }
        depth += c == opener ? 1 : -1;
      }
      int codePoint = s.codePointAt(k);
      if (endsUrl(s, k, codePoint)) {
        break;
      }
      k += Character.charCount(codePoint);
    }
    if (isKeycapAt(s, k, authorityStart)) {
      k--;
    }
    int authorityEnd = cutAtScriptChange(s, authorityStart, k);
    boolean pathFollows = authorityEnd == k && k < n && "/?#\\".indexOf(s.charAt(k)) >= 0;
    if (!pathFollows) {
      int end = trimTrailing(s, start, authorityEnd);
      return end > authorityStart && HostName.isValidAuthority(s, authorityStart, end) ? end : -1;
    }
    if (!HostName.isValidAuthority(s, authorityStart, authorityEnd)) {
      // In "'http://example.com'?!" the quote and "?!" close a sentence, not an authority.
      int j = authorityEnd;
      while (j < n && isTrailingPunctuation(s.charAt(j))) {
        j++;
      }
      boolean sentenceEnds =
          j == n
              || endsUrl(s, j, s.codePointAt(j))
              || (s.charAt(j) == closer && depth == 0)
              || isKeycapAt(s, j + 1, j);
      int end = trimTrailing(s, start, authorityEnd);
      return sentenceEnds
              && end > authorityStart
              && HostName.isValidAuthority(s, authorityStart, end)
          ? end
          : -1;
    }
    while (k < n) {
      char c = s.charAt(k);
      if (c < 0x80) {
        if (isAsciiTerminator(c)) {
          break;
        }
        if (closer != 0 && (c == opener || c == closer)) {
          if (c == closer && depth == 0) {
            break;
          }
          depth += c == opener ? 1 : -1;
        }
        if ((c == 'h' || c == 'H') && startsAnotherUrl(s, k)) {
          break;
        }
        k++;
        continue;
      }
      int codePoint = s.codePointAt(k);
      if (continuesUrl(codePoint) || isJoiningDot(s, k, codePoint)) {
        k += Character.charCount(codePoint);
        continue;
      }
      int afterGroup = balancedGroupEnd(s, k, codePoint);
      if (afterGroup < 0) {
        break;
      }
      k = afterGroup;
    }
    if (isKeycapAt(s, k, authorityEnd)) {
      k--;
    }
    int end = trimTrailing(s, start, k);
    // Trimming can eat into the authority ("http://a.com.?" is fine, "http://.?" is not a URL).
    if (end < authorityEnd && !HostName.isValidAuthority(s, authorityStart, end)) {
      return -1;
    }
    return end;
  }

  /**
   * Whether the character at {@code k} ends a URL wherever it stands: an ASCII space, control
   * character or {@code < > " `}, anything outside ASCII that cannot continue a URL ({@link
   * #continuesUrl}), or the start of another URL.
   */
  private static boolean endsUrl(String s, int k, int codePoint) {
    if (codePoint < 0x80) {
      return isAsciiTerminator((char) codePoint)
          || ((codePoint == 'h' || codePoint == 'H') && startsAnotherUrl(s, k));
    }
    return !continuesUrl(codePoint);
  }

  /**
   * ASCII characters that end a URL in text: they can never appear raw in a real URL, and they are
   * what people put around links. Apostrophes are NOT terminators ({@code /wiki/O'Brien} is a valid
   * path); a closing one at the end is trimmed as punctuation instead.
   */
  private static boolean isAsciiTerminator(char c) {
    return c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`';
  }

  /**
   * Whether a character outside ASCII can be part of a URL in running text: letters, combining
   * marks and digits of any script, dashes and connectors (an en dash in a Wikipedia title), and
   * mathematical and currency signs. Everything else ends the URL: spaces of every kind; the
   * punctuation of every script ({@code 。、，！？：；「」（）【】《》…}, Arabic {@code ، ؟ ؛}, Devanagari {@code
   * । ॥}, Thai {@code ๚}, quotes and guillemets); symbols and emoji, with their skin tones,
   * variation selectors and enclosing keycaps; invisible format characters (zero-width space and
   * joiner, direction marks, the BOM); private-use and unassigned code points (emoji newer than the
   * Java runtime's Unicode tables among them).
   */
  static boolean continuesUrl(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.DASH_PUNCTUATION,
          Character.CONNECTOR_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL ->
          true;
      case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK ->
          !isVariationSelector(codePoint);
      default -> false;
    };
  }

  private static boolean isVariationSelector(int c) {
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
  }

  /**
   * A middle dot between two letters joins words rather than ending a sentence: {@code ジョン・レノン},
   * {@code 约翰·列侬}, Catalan {@code col·legi} are page names.
   */
  private static boolean isJoiningDot(String s, int k, int codePoint) {
    if (codePoint != 0x00B7 && codePoint != 0x30FB && codePoint != 0xFF65) {
      return false;
    }
    int next = k + 1;
    return k > 0
        && next < s.length()
        && Character.isLetter(s.codePointBefore(k))
        && Character.isLetter(s.codePointAt(next));
  }

  /**
   * Another {@code http://} or {@code https://} at {@code k} starts a new URL, unless it is the
   * value of a parameter or a path segment ({@code ?next=https://...}, {@code
   * web.archive.org/web/2024/https://...}): those are one URL.
   */
  private static boolean startsAnotherUrl(String s, int k) {
    return schemeLength(s, k) > 0 && "/=?&#".indexOf(s.charAt(k - 1)) < 0;
  }

  /**
   * The end of a bracketed group such as {@code （2）} that starts at {@code k}, if it is part of the
   * URL; else -1. A bracket outside ASCII belongs to the URL only when it is balanced inside it:
   * its partner follows with nothing in between that would end the URL, and the URL goes on in
   * ASCII right after the partner ({@code https://example.jp/faq（2）/answer}). At the end of a URL
   * or before more text the group is the sentence's: {@code https://example.cn/track/1（顺丰）} and
   * {@code https://example.com/c（無料）をご覧ください} end before the bracket.
   */
  private static int balancedGroupEnd(String s, int k, int codePoint) {
    if (Character.getType(codePoint) != Character.START_PUNCTUATION) {
      return -1;
    }
    int partner = partnerOf(codePoint);
    if (partner < 0) {
      return -1;
    }
    int n = s.length();
    int j = k + Character.charCount(codePoint);
    while (j < n) {
      int c = s.codePointAt(j);
      if (c == partner) {
        int after = j + Character.charCount(c);
        return after < n && isAsciiUrlContinuation(s.charAt(after)) ? after : -1;
      }
      boolean inGroup =
          c < 0x80
              ? !isAsciiTerminator((char) c) && schemeLength(s, j) == 0
              : continuesUrl(c) || isJoiningDot(s, j, c);
      if (!inGroup) {
        return -1;
      }
      j += Character.charCount(c);
    }
    return -1;
  }

  /** ASCII that carries a URL on (rather than a sentence): letters, digits, URL delimiters. */
  private static boolean isAsciiUrlContinuation(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || "/?#&=%-_~+@$".indexOf(c) >= 0;
  }

  /** The closing partner of an opening bracket: the next code point, or the one after (［ ］). */
  private static int partnerOf(int opening) {
    if (Character.getType(opening + 1) == Character.END_PUNCTUATION) {
      return opening + 1;
    }
    if (Character.getType(opening + 1) != Character.START_PUNCTUATION
        && Character.getType(opening + 2) == Character.END_PUNCTUATION) {
      return opening + 2;
    }
    return -1;
  }

  /**
   * Whether a keycap emoji (#️⃣, 1️⃣: an ASCII {@code #}, {@code *} or digit, then a variation
   * selector or the enclosing keycap) ends where the URL stops, at {@code k}: its first character
   * is then the emoji's, not the URL's.
   */
  private static boolean isKeycapAt(String s, int k, int from) {
    if (k >= s.length() || k <= from) {
      return false;
    }
    char tail = s.charAt(k);
    char base = s.charAt(k - 1);
    return (tail == '\uFE0F' || tail == '\u20E3')
        && (base == '#' || base == '*' || (base >= '0' && base <= '9'));
  }

  /**
   * In running text, an authority whose last label goes from ASCII straight into another script
   * ({@code https://example.com谢谢}) ends at that change: no top-level domain mixes scripts, and
   * Chinese, Japanese and Thai put no space after a link. Latin letters with accents ({@code
   * example.café}) and combining marks do not count as a change.
   */
  private static int cutAtScriptChange(String s, int authorityStart, int authorityEnd) {
    int hostStart = HostName.hostStart(s, authorityStart, authorityEnd);
    if (hostStart >= authorityEnd || s.charAt(hostStart) == '[') {
      return authorityEnd;
    }
    int labelStart = hostStart;
    for (int k = hostStart; k < authorityEnd; k++) {
      if (s.charAt(k) == '.') {
        labelStart = k + 1;
      }
    }
    for (int k = Math.max(labelStart, hostStart + 1); k < authorityEnd; k++) {
      char before = s.charAt(k - 1);
      boolean asciiBefore =
          (before >= '0' && before <= '9')
              || (before >= 'a' && before <= 'z')
              || (before >= 'A' && before <= 'Z');
      if (asciiBefore && s.charAt(k) >= 0x80) {
        Character.UnicodeScript script = Character.UnicodeScript.of(s.codePointAt(k));
        if (script != Character.UnicodeScript.LATIN
            && script != Character.UnicodeScript.COMMON
            && script != Character.UnicodeScript.INHERITED) {
          return k;
        }
      }
    }
    return authorityEnd;
  }

  /**
   * Gives trailing characters back to the sentence. People end sentences right after a link ("see
   * https://a.com/x." or "really https://a.com?!"), and a recipient following the link with the
   * period attached would land on a 404. So sentence punctuation, a closing apostrophe and Markdown
   * emphasis ({@code **https://a.com**}) at the end are not part of the URL, repeatedly. A closing
   * bracket at the end stays only while it is balanced by an opening one inside the URL: "(see
   * https://en.wikipedia.org/wiki/Foo_(bar))" keeps one ")" and gives the other back. Only the end
   * is trimmed; characters in the middle are kept.
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

  /**
   * Sentence punctuation, the apostrophe and Markdown's emphasis star. Punctuation outside ASCII
   * never gets this far: it ends the URL.
   */
  private static boolean isTrailingPunctuation(char c) {
    return switch (c) {
      case '.', ',', ';', ':', '!', '?', '\'', '*' -> true;
      default -> false;
    };
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

  /** An href value that is exactly an http(s) URL with a valid host (the rule of text too). */
  private static boolean isHttpUrl(String url) {
    int schemeLength = schemeLength(url, 0);
    if (schemeLength == 0) {
      return false;
    }
    int authorityEnd = HostName.authorityEnd(url, schemeLength, url.length());
    return HostName.isValidAuthority(url, schemeLength, authorityEnd);
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
