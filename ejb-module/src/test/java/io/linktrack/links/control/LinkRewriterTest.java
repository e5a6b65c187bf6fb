package io.linktrack.links.control;

import static io.linktrack.links.control.BodyFormat.HTML;
import static io.linktrack.links.control.BodyFormat.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkRewriterTest {

  /** Hands out https://lt.test/1, /2, ... in call order and remembers what it was asked for. */
  private static final class FakeShortener implements UnaryOperator<String> {
    final List<String> calls = new ArrayList<>();

    @Override
    public String apply(String url) {
      calls.add(url);
      return "https://lt.test/" + calls.size();
    }
  }

  private static final String LONG_URL = "https://a.com/" + "x".repeat(4986);

  static Stream<Arguments> cases() {
    return Stream.of(
        // --- TEXT: sentence punctuation is given back to the sentence
        text("plain sentence", "Visit https://a.com/x today", "Visit https://lt.test/1 today"),
        text("period", "See https://a.com/x.", "See https://lt.test/1."),
        text("comma", "Go to https://a.com/x, then call", "Go to https://lt.test/1, then call"),
        text("semicolon", "https://a.com/x; or not", "https://lt.test/1; or not"),
        text("colon", "Link https://a.com/x: new", "Link https://lt.test/1: new"),
        text("exclamation", "Wow https://a.com/x!", "Wow https://lt.test/1!"),
        text("question mark", "Seen https://a.com/x?", "Seen https://lt.test/1?"),
        text("repeated punctuation", "https://a.com/x?!.", "https://lt.test/1?!."),
        text("ellipsis", "more at https://a.com/x... later", "more at https://lt.test/1... later"),
        text("dots inside kept", "https://a.com/v1.2/file.tar.gz.", "https://lt.test/1."),
        // --- brackets: a closer stays only if balanced inside the URL
        text(
            "balanced parentheses",
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            "(see https://lt.test/1)"),
        text("unbalanced parentheses", "(https://a.com)", "(https://lt.test/1)"),
        text("parenthesis then period", "(at https://a.com/x).", "(at https://lt.test/1)."),
        text("closer in the middle kept", "https://a.com/a)b ok", "https://lt.test/1 ok"),
        text("square brackets", "[https://a.com/x]", "[https://lt.test/1]"),
        text("balanced square brackets", "https://a.com/q?arr[0]=1", "https://lt.test/1"),
        text("braces", "{https://a.com/x}", "{https://lt.test/1}"),
        text("balanced braces", "https://a.com/{id}/x,", "https://lt.test/1,"),
        // --- quotes
        text("double quotes", "\"https://a.com/x\"", "\"https://lt.test/1\""),
        text("single quotes", "'https://a.com/x'", "'https://lt.test/1'"),
        text("apostrophe in path kept", "https://a.com/O'Brien ok", "https://lt.test/1 ok"),
        text("typographic double quotes", "“https://a.com/x”", "“https://lt.test/1”"),
        text("typographic single quotes", "‘https://a.com/x’", "‘https://lt.test/1’"),
        text("german quotes", "„https://a.com/x“", "„https://lt.test/1“"),
        text("guillemets", "«https://a.com/x»", "«https://lt.test/1»"),
        text("backticks", "`https://a.com/x`", "`https://lt.test/1`"),
        text("CJK full stop, no space before", "详情https://a.cn/x。", "详情https://lt.test/1。"),
        // --- URL parts
        text("query string", "https://a.com/p?a=1&b=2 next", "https://lt.test/1 next"),
        text("fragment", "https://a.com/p#section-2 x", "https://lt.test/1 x"),
        text("port", "http://localhost:8080/app", "https://lt.test/1"),
        text(
            "user-info, port, query, fragment",
            "log in: https://user:pw@host:8443/p?a=1&b=2#frag",
            "log in: https://lt.test/1"),
        text("IPv6 host", "http://[::1]:8080/x ok", "https://lt.test/1 ok"),
        text("unicode host and path", "https://münchen.de/straße?q=ü ok", "https://lt.test/1 ok"),
        text("japanese path", "https://ja.wikipedia.org/wiki/東京 です", "https://lt.test/1 です"),
        text("emoji before URL", "🎉https://a.com/x 🎉", "🎉https://lt.test/1 🎉"),
        text("upper-case scheme", "HTTPS://EXAMPLE.COM", "https://lt.test/1"),
        text("mixed-case scheme", "go HtTp://Example.com/Path now", "go https://lt.test/1 now"),
        // --- what ends a URL
        text("angle brackets", "<https://a.com/x>", "<https://lt.test/1>"),
        text("next to tags in text", "<b>https://a.com/x</b>", "<b>https://lt.test/1</b>"),
        text("newline", "https://a.com/x\nnext line", "https://lt.test/1\nnext line"),
        text("CRLF", "https://a.com/x\r\nnext", "https://lt.test/1\r\nnext"),
        text(
            "tab and no-break space",
            "https://a.com/x\tand\u00A0https://b.com/y\u00A0z",
            "https://lt.test/1\tand\u00A0https://lt.test/2\u00A0z"),
        text("zero-width space", "https://a.com/x\u200Bhidden", "https://lt.test/1\u200Bhidden"),
        text("after punctuation", "link:https://a.com/x", "link:https://lt.test/1"),
        // --- not trackable: left exactly as written
        text(
            "www and bare domains",
            "www.example.com or example.com/x",
            "www.example.com or example.com/x"),
        text(
            "other schemes",
            "ftp://a.com/f mailto:a@b.com tel:+4930123",
            "ftp://a.com/f mailto:a@b.com tel:+4930123"),
        text(
            "scheme without host",
            "http:// and https:// x and http:///p",
            "http:// and https:// x and http:///p"),
        text(
            "host made of punctuation",
            "see http://. or https://:443/",
            "see http://. or https://:443/"),
        text(
            "scheme glued to a word",
            "xhttp://a.com 2https://b.com",
            "xhttp://a.com 2https://b.com"),
        // --- position, length, repetition
        text(
            "start and end of body",
            "https://a.com/s middle https://b.com/e",
            "https://lt.test/1 middle https://lt.test/2"),
        text("5000-character URL", "long: " + LONG_URL + ".", "long: https://lt.test/1."),
        text(
            "same URL twice",
            "https://a.com/x and again https://a.com/x",
            "https://lt.test/1 and again https://lt.test/1"),
        text(
            "two URLs in order",
            "https://b.com then https://a.com",
            "https://lt.test/1 then https://lt.test/2"),
        text(
            "case differs, different URLs",
            "https://a.com/X https://a.com/x",
            "https://lt.test/1 https://lt.test/2"),
        // --- HTML: only <a href> changes
        html(
            "simple link",
            "<p>Hi <a href=\"https://a.com/x\">here</a></p>",
            "<p>Hi <a href=\"https://lt.test/1\">here</a></p>"),
        html(
            "text URL and img src untouched",
            "<p>https://a.com/t <img src=\"https://a.com/i.png\"><a href=\"https://a.com/x\">x</a>"
                + "</p>",
            "<p>https://a.com/t <img src=\"https://a.com/i.png\"><a"
                + " href=\"https://lt.test/1\">x</a></p>"),
        html(
            "link tag, comment and script untouched",
            "<link href=\"https://a.com/s.css\" rel=stylesheet><!-- <a href=\"https://a.com/c\">"
                + " --><script>var u = '<a href=\"https://a.com/j\">';</script><a"
                + " href=\"https://a.com/x\">x</a>",
            "<link href=\"https://a.com/s.css\" rel=stylesheet><!-- <a href=\"https://a.com/c\">"
                + " --><script>var u = '<a href=\"https://a.com/j\">';</script><a"
                + " href=\"https://lt.test/1\">x</a>"),
        html(
            "other attributes of the link untouched",
            "<a target=_blank title=\"https://a.com/t\""
                + " href=\"https://a.com/x\">https://a.com/x</a>",
            "<a target=_blank title=\"https://a.com/t\""
                + " href=\"https://lt.test/1\">https://a.com/x</a>"),
        html(
            "untracked class",
            "<a class=\"btn untracked\" href=\"https://a.com/u\">u</a>"
                + "<a class=\"Untracked\" href=\"https://a.com/t\">t</a>",
            "<a class=\"btn untracked\" href=\"https://a.com/u\">u</a>"
                + "<a class=\"Untracked\" href=\"https://lt.test/1\">t</a>"),
        html(
            "mailto, tel and fragment hrefs",
            "<a href=\"mailto:a@b.com\">m</a><a href=\"tel:+4930\">t</a><a href=\"#top\">#</a>",
            "<a href=\"mailto:a@b.com\">m</a><a href=\"tel:+4930\">t</a><a href=\"#top\">#</a>"),
        html(
            "relative and other-scheme hrefs",
            "<a href=\"/p\">1</a><a href=\"p.html\">2</a><a href=\"//cdn.a.com/x\">3</a>"
                + "<a href=\"ftp://a.com/f\">4</a><a href=\"javascript:void(0)\">5</a>"
                + "<a href=\"http://\">6</a><a href>7</a><a name=\"x\">8</a>",
            "<a href=\"/p\">1</a><a href=\"p.html\">2</a><a href=\"//cdn.a.com/x\">3</a>"
                + "<a href=\"ftp://a.com/f\">4</a><a href=\"javascript:void(0)\">5</a>"
                + "<a href=\"http://\">6</a><a href>7</a><a name=\"x\">8</a>"),
        html(
            "ampersand entity in href",
            "<a href=\"https://a.com/?a=1&amp;b=2\">x</a>",
            "<a href=\"https://lt.test/1\">x</a>"),
        html(
            "single-quoted href",
            "<a href='https://a.com/x'>x</a>",
            "<a href='https://lt.test/1'>x</a>"),
        html("unquoted href", "<a href=https://a.com/x>x</a>", "<a href=https://lt.test/1>x</a>"),
        html(
            "whitespace around href value",
            "<a href = \"  https://a.com/x\n\" >x</a>",
            "<a href = \"https://lt.test/1\" >x</a>"),
        html(
            "upper-case tag, attribute and scheme",
            "<A HREF=\"HTTPS://A.COM/X\">x</A>",
            "<A HREF=\"https://lt.test/1\">x</A>"),
        html(
            "unicode href",
            "<a href=\"https://münchen.de/straße\">x</a>",
            "<a href=\"https://lt.test/1\">x</a>"),
        html(
            "same href twice",
            "<a href=\"https://a.com/x\">1</a> <a href='https://a.com/x'>2</a>",
            "<a href=\"https://lt.test/1\">1</a> <a href='https://lt.test/1'>2</a>"),
        html(
            "two hrefs in order",
            "<a href=\"https://b.com\">b</a><a href=\"https://a.com\">a</a>",
            "<a href=\"https://lt.test/1\">b</a><a href=\"https://lt.test/2\">a</a>"),
        html(
            "emoji before the link",
            "<p>🎉🎉 Party für alle! <a href=\"https://a.com/x\">go</a> ✨</p>",
            "<p>🎉🎉 Party für alle! <a href=\"https://lt.test/1\">go</a> ✨</p>"),
        html(
            "link reopened by the parser is rewritten once",
            "<p><a href=\"https://a.com/x\">1<p>2",
            "<p><a href=\"https://lt.test/1\">1<p>2"),
        html(
            "misnested link is rewritten once",
            "<a href=\"https://a.com/x\">1<p>2</a>3</p>",
            "<a href=\"https://lt.test/1\">1<p>2</a>3</p>"),
        html(
            "full document with doctype, comments and odd whitespace",
            FULL_DOCUMENT,
            FULL_DOCUMENT.replace(
                "https://shop.example/sale?id=7&amp;src=mail", "https://lt.test/1")),
        html(
            "CRLF document",
            "<html>\r\n<BODY>\r\n<a\r\n  href=\"https://a.com/x\"\r\n>x</a>\r\n",
            "<html>\r\n<BODY>\r\n<a\r\n  href=\"https://lt.test/1\"\r\n>x</a>\r\n"));
  }

  private static final String FULL_DOCUMENT =
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n"
          + "<!-- preheader: https://a.com/pre -->\n"
          + "<HTML lang=de>\n"
          + "<head><meta charset=\"utf-8\"><title>Sale &amp; more</title>\n"
          + "<style>a{color:red} /* https://a.com/css */</style></head>\n"
          + "<body   style='margin:0'>\n"
          + "\t<table  cellpadding=0><tr><td   >Hallo  Jürgen,&nbsp;\n"
          + "   <a   class=\"cta\"   href=\"https://shop.example/sale?id=7&amp;src=mail\""
          + "  >Jetzt kaufen</a ><br/>\n"
          + "  <img src=https://a.com/pixel.gif width=1 height=1 />\n"
          + "  <p>unclosed paragraph<td>cell</table>\n"
          + "<!--[if mso]><a href=\"https://a.com/mso\">x</a><![endif]-->\n"
          + "</body></HTML>\n";

  private static Arguments text(String name, String body, String expected) {
    return Arguments.of(name, TEXT, body, expected);
  }

  private static Arguments html(String name, String body, String expected) {
    return Arguments.of(name, HTML, body, expected);
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @MethodSource("cases")
  void rewritesEveryTrackableLinkAndNothingElse(
      String name, BodyFormat format, String body, String expected) {
    String rewritten = LinkRewriter.rewrite(body, format, new FakeShortener());
    assertEquals(
        expected, rewritten, "the recipient would get a different message than intended: " + name);
  }

  /**
   * Real-looking messages in many scripts and formats, from {@code link-rewriting.tsv}: the URLs
   * that must become short links are marked there {@code ⟦like this⟧}.
   */
  static Stream<Arguments> messages() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = LinkRewriterTest.class.getResourceAsStream("link-rewriting.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
          throw new IllegalStateException("not three tab-separated columns: " + line);
        }
        cases.add(Arguments.of(columns[0], columns[1], unescape(columns[2])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("messages")
  void findsExactlyTheMarkedUrlsOfARealMessage(String script, String name, String marked) {
    List<String> urls = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    int open = -1;
    for (int k = 0; k < marked.length(); k++) {
      char c = marked.charAt(k);
      if (c == '⟦') {
        open = body.length();
      } else if (c == '⟧') {
        String url = body.substring(open);
        if (!urls.contains(url)) {
          urls.add(url);
        }
        expected.append("https://lt.test/").append(urls.indexOf(url) + 1);
        open = -1;
      } else {
        body.append(c);
        if (open < 0) {
          expected.append(c);
        }
      }
    }
    String what = "[" + script + "] " + name;
    assertEquals(
        urls,
        LinkRewriter.trackableUrls(body.toString(), TEXT),
        what + ": the recipient would be sent to other pages than the message names");
    assertEquals(
        expected.toString(),
        LinkRewriter.rewrite(body.toString(), TEXT, new FakeShortener()),
        what + ": the recipient would get a different message than intended");
    if (script.equals("email")) {
      assertEquals(
          TEXT,
          BodyFormat.of(true, body.toString()),
          what + ": a plain-text email would be read as HTML and its links left untracked");
    }
  }

  /** The table's escapes, as its header lists them: line breaks, tab, backslash, code points. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c != '\\' || k + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++k);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(k + 1, k + 5), 16));
          k += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(text.substring(k + 1, k + 9), 16));
          k += 8;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  @Test
  void callsTheShortenerOncePerDistinctUrlInOrderOfFirstAppearance() {
    FakeShortener shortener = new FakeShortener();
    LinkRewriter.rewrite(
        "https://b.com/2 https://a.com/1 https://b.com/2 (https://c.com/3).", TEXT, shortener);
    assertEquals(
        List.of("https://b.com/2", "https://a.com/1", "https://c.com/3"),
        shortener.calls,
        "a repeated link would count as two different links in the click report");
  }

  @Test
  void passesTheDecodedHrefToTheShortener() {
    FakeShortener shortener = new FakeShortener();
    LinkRewriter.rewrite(
        "<a href=\" https://a.com/?a=1&amp;b=2 \">x</a><a href=https://a.com/?a=1&b=2>y</a>",
        HTML,
        shortener);
    assertEquals(
        List.of("https://a.com/?a=1&b=2"),
        shortener.calls,
        "the recipient would be redirected to a URL containing a literal &amp;");
  }

  @Test
  void trackableUrlsAreDistinctAndInOrderOfFirstAppearance() {
    assertEquals(
        List.of("https://b.com/x", "HTTP://A.com", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        LinkRewriter.trackableUrls(
            "https://b.com/x, HTTP://A.com! https://b.com/x "
                + "(https://en.wikipedia.org/wiki/Foo_(bar)) www.c.com",
            TEXT),
        "the message preview would list the wrong links");
    assertEquals(
        List.of("https://b.com/", "https://a.com/?a=1&b=2"),
        LinkRewriter.trackableUrls(
            "<p>https://z.com <a href='https://b.com/'>b</a>"
                + "<a href=\"https://a.com/?a=1&amp;b=2\">a</a>"
                + "<a href=\"https://b.com/\">b</a><a class=untracked href=https://u.com>u</a>",
            HTML),
        "the message preview would list the wrong links");
    assertEquals(List.of(), LinkRewriter.trackableUrls("no links here", TEXT));
    assertEquals(List.of(), LinkRewriter.trackableUrls("", HTML));
  }

  @Test
  void returnsTheBodyItselfWhenThereIsNothingToTrack() {
    String sms = "Call us at tel:+4930123 or visit www.example.com";
    FakeShortener shortener = new FakeShortener();
    assertSame(sms, LinkRewriter.rewrite(sms, TEXT, shortener), "an SMS without links changed");
    String mail = "<p>Text only, see https://a.com in the text</p>";
    assertSame(mail, LinkRewriter.rewrite(mail, HTML, shortener), "an email without links changed");
    assertEquals(
        List.of(), shortener.calls, "short links were created for a message without links");
    assertEquals(null, LinkRewriter.rewrite(null, TEXT, shortener));
  }

  @Test
  void refusesAMissingShortLink() {
    assertThrows(
        IllegalStateException.class,
        () -> LinkRewriter.rewrite("https://a.com", TEXT, url -> null),
        "a message would go out with a broken link instead of failing");
  }

  @Test
  void rewritesAOneMegabyteBody() {
    StringBuilder body = new StringBuilder();
    int lines = 0;
    while (body.length() < 1_000_000) {
      body.append("Line ")
          .append(lines)
          .append(": see https://a.com/p/")
          .append(lines % 500)
          .append("?q=")
          .append(lines)
          .append("). And www.example.com, ok!\n");
      lines++;
    }
    FakeShortener shortener = new FakeShortener();
    String rewritten = LinkRewriter.rewrite(body.toString(), TEXT, shortener);
    assertEquals(lines, shortener.calls.size(), "some links of a long message were not tracked");
    assertEquals(lines, rewritten.split("https://lt.test/", -1).length - 1);
  }

  @Test
  void staysLinearOnHostileInput() {
    // Candidates without a host, and unbalanced brackets, in one huge unbroken word.
    String noHosts = "http:///".repeat(125_000);
    assertSame(noHosts, LinkRewriter.rewrite(noHosts, TEXT, new FakeShortener()));
    String closers = "https://a.com/" + ")".repeat(500_000);
    assertEquals(
        "https://lt.test/1" + ")".repeat(500_000),
        LinkRewriter.rewrite(closers, TEXT, new FakeShortener()),
        "unbalanced closing parentheses became part of the link");
    String many = "(https://a.com/x)".repeat(60_000);
    FakeShortener shortener = new FakeShortener();
    LinkRewriter.rewrite(many, TEXT, shortener);
    assertEquals(1, shortener.calls.size());
  }

  @Test
  void staysLinearOnHostileInputInEveryScript() {
    // A quadratic scan of any of these 1 MB bodies would take hours; a linear one takes
    // milliseconds.
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          // a full-width bracket whose partner never comes, after every URL
          String unclosed = "https://a.com/x（".repeat(20_000) + "y".repeat(700_000);
          assertEquals(
              20_000, LinkRewriter.rewrite(unclosed, TEXT, url -> "s").split("s（", -1).length - 1);
          // invalid hosts whose paths would hold the next candidate
          String invalid = "http://-/=".repeat(100_000);
          assertSame(invalid, LinkRewriter.rewrite(invalid, TEXT, new FakeShortener()));
          // one URL whose query holds URL after URL
          String nested = "https://a.com/?u=" + "https://b.com/?u=".repeat(60_000);
          assertEquals(List.of(nested), LinkRewriter.trackableUrls(nested, TEXT));
          // a host cut from the text after it, and a quote before punctuation, again and again
          String cjk = "请访问https://example.com谢谢 'http://a.com'?! ".repeat(30_000);
          FakeShortener shortener = new FakeShortener();
          LinkRewriter.rewrite(cjk, TEXT, shortener);
          assertEquals(List.of("https://example.com", "http://a.com"), shortener.calls);
          String emoji = "https://a.com/👍".repeat(60_000) + "🫠".repeat(100_000);
          assertEquals(List.of("https://a.com/"), LinkRewriter.trackableUrls(emoji, TEXT));
        });
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(false, "<p>Hello <a href=\"https://a.com\">x</a></p>", TEXT),
        Arguments.of(false, "https://a.com", TEXT),
        Arguments.of(true, "Hello, see https://a.com", TEXT),
        Arguments.of(true, "Price < 10 EUR and a > b", TEXT),
        Arguments.of(true, "Write to <john@example.com> or open <https://a.com/x>", TEXT),
        Arguments.of(true, "Hi<br>there", HTML),
        Arguments.of(true, "<p>Hello</p>", HTML),
        Arguments.of(true, "<a href=\"https://a.com\">x</a>", HTML),
        Arguments.of(true, "<html>just text", HTML),
        Arguments.of(true, "<BODY>just text</BODY>", HTML),
        Arguments.of(true, "<!DOCTYPE html><html><body>x</body></html>", HTML),
        Arguments.of(true, "", TEXT),
        Arguments.of(true, null, TEXT));
  }

  @ParameterizedTest(name = "[{index}] email={0}: {1}")
  @MethodSource("formats")
  void decidesTheBodyFormat(boolean email, String body, BodyFormat expected) {
    assertEquals(
        expected,
        BodyFormat.of(email, body),
        expected == HTML
            ? "an HTML email would be tracked as text, rewriting image and script URLs"
            : "a text message would be treated as HTML and its links would stay untracked");
  }
}
