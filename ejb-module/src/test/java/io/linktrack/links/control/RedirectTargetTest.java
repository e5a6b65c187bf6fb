package io.linktrack.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedirectTargetTest {

  static Stream<Arguments> merges() {
    return Stream.of(
        merge("no query anywhere", "https://a.com/p", null, "https://a.com/p"),
        merge("empty short-link query", "https://a.com/p?x=1", "", "https://a.com/p?x=1"),
        merge(
            "short-link query only",
            "https://a.com/p",
            "utm_source=sms",
            "https://a.com/p?utm_source=sms"),
        merge("destination query only", "https://a.com/p?x=1&y=2", null, "https://a.com/p?x=1&y=2"),
        merge(
            "both queries",
            "https://a.com/p?x=1",
            "utm_source=sms",
            "https://a.com/p?x=1&utm_source=sms"),
        merge(
            "name conflict keeps the destination value",
            "https://a.com/p?utm_source=mail",
            "utm_source=sms&c=2",
            "https://a.com/p?utm_source=mail&c=2"),
        merge(
            "repeated names are all added",
            "https://a.com/p",
            "tag=a&tag=b",
            "https://a.com/p?tag=a&tag=b"),
        merge(
            "repeated names the destination has",
            "https://a.com/p?tag=x",
            "tag=a&tag=b",
            "https://a.com/p?tag=x"),
        merge("fragment stays at the end", "https://a.com/p#top", "a=1", "https://a.com/p?a=1#top"),
        merge(
            "fragment after both queries",
            "https://a.com/p?x=1#top",
            "a=1",
            "https://a.com/p?x=1&a=1#top"),
        merge(
            "question mark inside the fragment",
            "https://a.com/#/route?x=1",
            "a=1",
            "https://a.com/?a=1#/route?x=1"),
        merge("empty fragment", "https://a.com/p#", "a=1", "https://a.com/p?a=1#"),
        merge(
            "encoded values kept as given",
            "https://a.com/p?n=J%C3%BCrgen",
            "q=caf%C3%A9&r=a%2Bb+c&s=%zz",
            "https://a.com/p?n=J%C3%BCrgen&q=caf%C3%A9&r=a%2Bb+c&s=%zz"),
        merge("question mark with empty query", "https://a.com/p?", "a=1", "https://a.com/p?a=1"),
        merge(
            "destination query ending in &",
            "https://a.com/p?x=1&",
            "a=1",
            "https://a.com/p?x=1&a=1"),
        merge(
            "names compared decoded",
            "https://a.com/p?utm_source=mail",
            "utm%5Fsource=sms",
            "https://a.com/p?utm_source=mail"),
        merge(
            "names compared decoded, encoded in the destination",
            "https://a.com/p?utm%5fsource=m",
            "utm_source=sms&x=1",
            "https://a.com/p?utm%5fsource=m&x=1"),
        merge(
            "plus is a space in names",
            "https://a.com/p?my+name=1",
            "my%20name=2",
            "https://a.com/p?my+name=1"),
        merge(
            "names are case-sensitive",
            "https://a.com/p?Ref=1",
            "ref=2",
            "https://a.com/p?Ref=1&ref=2"),
        merge(
            "name without a value",
            "https://a.com/p?debug",
            "debug=1&flag",
            "https://a.com/p?debug&flag"),
        merge(
            "empty parameters dropped", "https://a.com/p", "a=1&&b=2&", "https://a.com/p?a=1&b=2"),
        merge("leading question mark ignored", "https://a.com/p", "?a=1", "https://a.com/p?a=1"));
  }

  private static Arguments merge(String name, String destination, String raw, String expected) {
    return Arguments.of(name, destination, raw, expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("merges")
  void mergesTheShortLinkQueryIntoTheDestination(
      String name, String destination, String rawQuery, String expected) {
    assertEquals(
        expected,
        RedirectTarget.mergeQuery(destination, rawQuery),
        "the recipient would land on the wrong page or lose campaign parameters: " + name);
  }

  static Stream<Arguments> asciiForms() {
    return Stream.of(
        ascii("IDN host", "https://münchen.de/", "https://xn--mnchen-3ya.de/"),
        ascii("CJK host", "http://例え.jp", "http://xn--r8jz45g.jp"),
        ascii(
            "ASCII labels keep their case",
            "https://Shop.münchen.DE/x",
            "https://Shop.xn--mnchen-3ya.DE/x"),
        ascii(
            "unicode path, query and fragment",
            "https://bücher.example/straße?q=ü#café",
            "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#caf%C3%A9"),
        ascii("emoji in the path", "https://a.com/🎉", "https://a.com/%F0%9F%8E%89"),
        ascii(
            "existing escapes kept",
            "https://a.com/a%20b/%C3%BC/ü?x=%2F",
            "https://a.com/a%20b/%C3%BC/%C3%BC?x=%2F"),
        ascii(
            "plain ASCII unchanged", "https://a.com/p?a=1&b=%zz#f", "https://a.com/p?a=1&b=%zz#f"),
        ascii(
            "port and user-info kept",
            "https://jürgen:pw@münchen.de:8443/p",
            "https://j%C3%BCrgen:pw@xn--mnchen-3ya.de:8443/p"),
        ascii("IPv6 host kept", "http://[::1]:8080/ü", "http://[::1]:8080/%C3%BC"),
        ascii("no authority", "mailto:jürgen@example.com", "mailto:j%C3%BCrgen@example.com"),
        ascii(
            "space and line breaks cannot reach the header",
            "https://a.com/a b\r\nX: y",
            "https://a.com/a%20b%0D%0AX:%20y"),
        ascii(
            "Chinese IRI",
            "https://zh.wikipedia.org/wiki/双十一",
            "https://zh.wikipedia.org/wiki/%E5%8F%8C%E5%8D%81%E4%B8%80"),
        ascii(
            "Chinese host and path",
            "http://例子.中国/首页",
            "http://xn--fsqu00a.xn--fiqs8s/%E9%A6%96%E9%A1%B5"),
        ascii(
            "Arabic host and path",
            "https://موقع.مصر/الرئيسية",
            "https://xn--4gbrim.xn--wgbh1c/%D8%A7%D9%84%D8%B1%D8%A6%D9%8A%D8%B3%D9%8A%D8%A9"),
        ascii("Devanagari host", "https://उदाहरण.भारत/", "https://xn--p1b6ci4b4b3a.xn--h2brj9c/"),
        ascii("Thai host", "https://ตัวอย่าง.ไทย", "https://xn--72c1a1bt4awk9o.xn--o3cw4h"),
        ascii(
            "Cyrillic host",
            "http://пример.рф/?q=да",
            "http://xn--e1afmkfd.xn--p1ai/?q=%D0%B4%D0%B0"),
        ascii(
            "Unicode user-info and a rooted host",
            "https://jürgen@例え.jp./x",
            "https://j%C3%BCrgen@xn--r8jz45g.jp./x"),
        ascii(
            "escapes and Unicode mixed",
            "https://ja.wikipedia.org/wiki/%E6%97%A5本?q=%zz東",
            "https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC?q=%zz%E6%9D%B1"),
        ascii(
            "a backslash ends the host as in browsers",
            "https://例え.jp\\パス",
            "https://xn--r8jz45g.jp\\%E3%83%91%E3%82%B9"),
        ascii(
            "host IDNA rejects is percent-encoded",
            "https://" + "ü".repeat(70) + ".de/",
            "https://" + "%C3%BC".repeat(70) + ".de/"));
  }

  @Test
  void theLocationOfAnIriLinkIsAsciiWithTheShortLinksQueryMerged() {
    assertEquals(
        "https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC?utm_source=sms#%E6%AD%B4%E5%8F%B2",
        RedirectTarget.location("https://ja.wikipedia.org/wiki/日本#歴史", "utm_source=sms"),
        "the recipient's browser would get a Location header it cannot read");
    assertEquals(
        "http://xn--fsqu00a.xn--fiqs8s/?id=7&ref=qr",
        RedirectTarget.location("http://例子.中国/?id=7", "ref=qr"));
  }

  private static Arguments ascii(String name, String url, String expected) {
    return Arguments.of(name, url, expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("asciiForms")
  void makesTheDestinationSafeForTheLocationHeader(String name, String url, String expected) {
    assertEquals(
        expected,
        RedirectTarget.toAscii(url),
        "the redirect would send the recipient to a broken or different address: " + name);
  }
}
