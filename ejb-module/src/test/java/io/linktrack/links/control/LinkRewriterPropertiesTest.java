package io.linktrack.links.control;

import static io.linktrack.links.control.BodyFormat.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.links.entity.Destination;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Link rewriting over generated messages that mix scripts, punctuation, emoji and URLs with every
 * part (user-info, Unicode and punycode hosts, IP addresses, ports, Unicode paths, percent escapes,
 * brackets, queries holding URLs, fragments).
 */
class LinkRewriterPropertiesTest {

  /** A generated message and the URLs written into it, in order. */
  record Message(String body, List<String> urls) {
    @Override
    public String toString() {
      return body + "\n  with the URLs " + urls;
    }
  }

  @Property(tries = 10_000)
  void everyUrlWrittenIntoAMessageIsFoundExactly(@ForAll("messages") Message message) {
    List<String> expected = List.copyOf(new LinkedHashSet<>(message.urls()));
    assertEquals(
        expected,
        LinkRewriter.trackableUrls(message.body(), TEXT),
        "the recipient would be sent to other pages than the message names");
    for (String url : expected) {
      assertTrue(Destination.accepts(url), "a link found in a message is no destination: " + url);
    }
  }

  @Property(tries = 10_000)
  void replacingEachShortLinkByItsDestinationGivesTheMessageBack(
      @ForAll("messages") Message message) {
    assertFaithful(message.body());
  }

  @Property(tries = 10_000)
  void anyTextComesBackCharacterForCharacter(@ForAll("anyText") String body) {
    assertFaithful(body);
    for (String url : LinkRewriter.trackableUrls(body, TEXT)) {
      assertTrue(Destination.accepts(url), "a link found in a message is no destination: " + url);
      char last = url.charAt(url.length() - 1);
      assertTrue(".,;:!?'*".indexOf(last) < 0, "a sentence's punctuation went into " + url);
    }
  }

  /**
   * Rewrites with short links that cannot occur in the text (private-use characters), then puts
   * each link's destination back: that must give the body as it was written.
   */
  private static void assertFaithful(String body) {
    Map<String, String> destinationByShortLink = new HashMap<>();
    String tracked =
        LinkRewriter.rewrite(
            body,
            TEXT,
            url -> {
              String shortLink = "\uE000" + destinationByShortLink.size() + "\uE001";
              destinationByShortLink.put(shortLink, url);
              return shortLink;
            });
    StringBuilder restored = new StringBuilder();
    int k = 0;
    while (k < tracked.length()) {
      int open = tracked.indexOf('\uE000', k);
      if (open < 0) {
        restored.append(tracked, k, tracked.length());
        break;
      }
      int close = tracked.indexOf('\uE001', open) + 1;
      restored.append(tracked, k, open);
      restored.append(destinationByShortLink.get(tracked.substring(open, close)));
      k = close;
    }
    assertEquals(body, restored.toString(), "the message would not read as the sender wrote it");
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  @Provide
  Arbitrary<Message> messages() {
    Arbitrary<Piece> piece =
        Combinators.combine(filler(), before(), wrapper(), url(), after())
            .as(
                (filler, before, wrapper, url, after) ->
                    new Piece(filler + before + wrapper[0], url, wrapper[1] + after));
    return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(5), filler())
        .as(
            (pieces, tail) -> {
              StringBuilder body = new StringBuilder();
              List<String> urls = new ArrayList<>();
              for (Piece p : pieces) {
                body.append(p.before()).append(p.url()).append(p.after());
                urls.add(p.url());
              }
              return new Message(body.append(tail).toString(), urls);
            });
  }

  private record Piece(String before, String url, String after) {}

  /** Running text: words of many scripts, punctuation and emoji; never a "/" or a scheme. */
  private static Arbitrary<String> filler() {
    return Arbitraries.of(
            "Hello",
            "sale 50%",
            " ",
            "\n",
            "请访问",
            "谢谢",
            "詳細は",
            "をご覧ください",
            "안녕하세요",
            "زوروا موقعنا",
            "شكراً",
            "धन्यवाद",
            "ขอบคุณ",
            "Подробнее",
            "。",
            "、",
            "，",
            "！",
            "？",
            "（無料）",
            "「重要」",
            "،",
            "؟",
            "।",
            "๚",
            "…",
            "«",
            "»",
            "“",
            "”",
            ".",
            ",",
            "!",
            "?",
            ":",
            "(",
            ")",
            "👍",
            "🔥",
            "❤️",
            "👨‍👩‍👧",
            "🇯🇵",
            "1️⃣",
            "™",
            "2024",
            "—")
        .list()
        .ofMaxSize(6)
        .map(words -> String.join("", words));
  }

  /** What may stand right before a URL: anything but a Latin letter or a digit. */
  private static Arbitrary<String> before() {
    return Arbitraries.of(
        " ",
        "\n",
        "> ",
        "请访问",
        "詳細は",
        "홈페이지 ",
        "زوروا ",
        "देखें ",
        "ดูที่",
        "Смотрите",
        "👉",
        "🎉 ",
        "：",
        "。",
        "、",
        "—",
        "\u00A0",
        "\u3000",
        "\t",
        "→",
        "\u200F");
  }

  /** Brackets, quotes and Markdown around a URL. */
  private static Arbitrary<String[]> wrapper() {
    return Arbitraries.of(
        new String[] {"", ""},
        new String[] {"", ""},
        new String[] {"(", ")"},
        new String[] {"[", "]"},
        new String[] {"{", "}"},
        new String[] {"[link](", ")"},
        new String[] {"<", ">"},
        new String[] {"\"", "\""},
        new String[] {"'", "'"},
        new String[] {"**", "**"},
        new String[] {"`", "`"},
        new String[] {"「", "」"},
        new String[] {"（", "）"},
        new String[] {"【", "】"},
        new String[] {"«", "»"},
        new String[] {"“", "”"});
  }

  /** What may stand right after a URL, whatever comes next. */
  private static Arbitrary<String> after() {
    return Arbitraries.of(
        " ",
        "\n",
        "\r\n",
        "\t",
        "。",
        "、",
        "，",
        "！",
        "？",
        "؟",
        "،",
        "؛",
        "।",
        "॥",
        "๚",
        "…",
        ". ",
        "! ",
        "?! ",
        ", ",
        "; ",
        ": ",
        ") ",
        "👍",
        "🔥🔥",
        "❤️",
        "👨‍👩‍👧",
        "🇯🇵",
        "👍🏽",
        "1️⃣",
        "#️⃣",
        "™",
        "©",
        "\u200B",
        "\u200D",
        "\u200F",
        "」",
        "）",
        "】",
        "»",
        "”",
        "🫠");
  }

  // ---------------------------------------------------------------------------------------------
  // URLs: every part, each ending in something a sentence would not take back

  private static Arbitrary<String> url() {
    Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTPS://", "Https://");
    Arbitrary<String> userInfo = Arbitraries.of("", "", "", "user@", "user:pw@", "j%C3%BCrgen@");
    Arbitrary<String> port = Arbitraries.of("", "", "", ":8080", ":443", ":1");
    return Combinators.combine(scheme, userInfo, host(), port, path(), query(), fragment())
        .as((s, u, h, p, path, q, f) -> s + u + h + p + path + q + f);
  }

  private static Arbitrary<String> host() {
    Arbitrary<String> asciiLabel =
        Arbitraries.of("example", "a", "shop", "my-site", "x1", "cdn2", "www", "b--c");
    Arbitrary<String> unicodeLabel =
        Arbitraries.of(
            "例子", "例え", "한국", "موقع", "उदाहरण", "ตัวอย่าง", "пример", "bücher", "münchen");
    Arbitrary<String> tld =
        Arbitraries.of("com", "org", "jp", "cn", "ru", "co.th", "中国", "рф", "भारत", "ไทย", "مصر");
    Arbitrary<String> name =
        Combinators.combine(
                Arbitraries.oneOf(asciiLabel, unicodeLabel).list().ofMinSize(1).ofMaxSize(2), tld)
            .as((labels, top) -> String.join(".", labels) + "." + top);
    return Arbitraries.oneOf(
        name,
        name,
        name,
        Arbitraries.of(
            "localhost",
            "xn--mnchen-3ya.de",
            "xn--r8jz45g.jp",
            "192.0.2.1",
            "10.0.0.255",
            "[::1]",
            "[2001:db8::7]",
            "[::ffff:192.0.2.1]"));
  }

  private static Arbitrary<String> word() {
    return Arbitraries.of(
        "a",
        "offer",
        "Page_2",
        "v1.2",
        "x-y",
        "~user",
        "日本",
        "東京",
        "双十一",
        "ジョン・レノン",
        "서울",
        "مصر",
        "भारत",
        "กรุงเทพ",
        "Москва",
        "straße",
        "Mexican–American",
        "%E6%97%A5",
        "a%20b",
        "Foo_(bar)",
        "٢٠٢٤",
        "१२");
  }

  private static Arbitrary<String> path() {
    Arbitrary<String> segments =
        word()
            .list()
            .ofMaxSize(3)
            .map(words -> words.isEmpty() ? "" : "/" + String.join("/", words));
    return Arbitraries.oneOf(
        segments, segments, segments.map(p -> p + "/"), segments.map(p -> p + "/faq（2）/answer"));
  }

  private static Arbitrary<String> query() {
    Arbitrary<String> value =
        Arbitraries.oneOf(word(), Arbitraries.of("1", "https://b.example/p", "http://c.example"));
    Arbitrary<String> parameter =
        Combinators.combine(Arbitraries.of("id", "q", "next", "utm_source", "名前"), value)
            .as((name, v) -> name + "=" + v);
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.just(""),
        parameter.list().ofMinSize(1).ofMaxSize(3).map(ps -> "?" + String.join("&", ps)));
  }

  private static Arbitrary<String> fragment() {
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), word().map(w -> "#" + w));
  }

  // ---------------------------------------------------------------------------------------------
  // Any text: URL pieces, punctuation and emoji thrown together

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.of(
            "http://",
            "https://",
            "HTTPS://",
            "a",
            "b",
            "x",
            "com",
            "xn--",
            "-",
            ".",
            "_",
            "@",
            ":",
            "/",
            "?",
            "#",
            "=",
            "&",
            "%",
            "%41",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "<",
            ">",
            "\"",
            "'",
            "*",
            "~",
            " ",
            "\n",
            "\t",
            "1",
            "9",
            "1.2.3.4",
            "[::1]",
            "例",
            "え",
            "。",
            "、",
            "（",
            "）",
            "「",
            "」",
            "한",
            "م",
            "،",
            "؟",
            "क",
            "\u094D",
            "।",
            "ก",
            "๚",
            "ж",
            "«",
            "»",
            "…",
            "·",
            "・",
            "–",
            "👍",
            "❤️",
            "\uFE0F",
            "\u20E3",
            "\u200D",
            "\u200F",
            "\u00A0",
            "\uD83D",
            "\uDC4D",
            "🫠")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }
}
