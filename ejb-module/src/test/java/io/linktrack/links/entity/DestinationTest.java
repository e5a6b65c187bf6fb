package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.platform.InvalidInput;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "HTTP://example.com/a?b=c#d",
        "https://user@example.com:8443/x",
        "https://[2001:db8::1]/x",
        "https://münchen.de/straße",
        "https://example.com/a%20b%0D%0A",
        "http://localhost:9080/x?q=<b>",
        "https://例え.jp/日本",
        "http://例子.中国/首页",
        "https://пример.рф/каталог",
        "https://xn--mnchen-3ya.de/",
        "http://192.0.2.1:8080/x",
        "https://example.com./rooted",
        "https://example.com:/empty-port"
      })
  void anAbsoluteHttpUrlWithAHostIsADestination(String url) {
    assertEquals(url, Destination.of(" " + url + " ").url());
    assertTrue(Destination.accepts(url), url);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("", "is required and must not be blank"),
        Arguments.of("   ", "is required and must not be blank"),
        Arguments.of(null, "is required and must not be blank"),
        Arguments.of("ftp://example.com/file", "must be an absolute http:// or https:// URL"),
        Arguments.of("javascript:alert(1)", "must be an absolute http:// or https:// URL"),
        Arguments.of("JavaScript://example.com/%0Aalert(1)", "must be an absolute http"),
        Arguments.of("data:text/html,<script>alert(1)</script>", "must be an absolute http"),
        Arguments.of("mailto:a@example.com", "must be an absolute http:// or https:// URL"),
        Arguments.of("//example.com/x", "must be an absolute http:// or https:// URL"),
        Arguments.of("example.com/x", "must be an absolute http:// or https:// URL"),
        // the long s (U+017F) upper-cases to S: "httpſ" is not "https"
        Arguments.of("httpſ://example.com", "must be an absolute http:// or https:// URL"),
        Arguments.of("https://", "must name a host"),
        Arguments.of("https:///path", "must name a host"),
        Arguments.of("https://:80/x", "must name a host"),
        Arguments.of("http://.example.com", "must name a valid host"),
        Arguments.of("http://-example.com/x", "must name a valid host"),
        Arguments.of("http://example.com_", "must name a valid host"),
        Arguments.of("https://example-.com/", "must name a valid host"),
        Arguments.of("https://a..b.example/", "must name a valid host"),
        Arguments.of("https://1.2.3.256/x", "must name a valid host"),
        Arguments.of("https://[zz::1]/x", "must name a valid host"),
        Arguments.of("https://example.com:80x/", "must name a valid host"),
        Arguments.of("https://👍.example/", "must name a valid host"),
        Arguments.of("https://example.com/a b", "must not contain spaces or control characters"),
        Arguments.of("https://example.com/\r\nSet-Cookie:x=1", "must not contain spaces"),
        Arguments.of("https://example.com/\nLocation:evil", "must not contain spaces"),
        Arguments.of("https://example.com/\rx", "must not contain spaces"),
        Arguments.of("https://example.com/\tx", "must not contain spaces"),
        Arguments.of("https://example.com/\u0000x", "must not contain spaces"),
        Arguments.of("https://example.com/\u007fx", "must not contain spaces"),
        Arguments.of("https://example.com/\u0085x", "must not contain spaces"),
        Arguments.of("https://example.com/\u00a0x", "must not contain spaces"),
        Arguments.of("https://example.com/\u2028x", "must not contain spaces"),
        Arguments.of("https://example.com/\u3000x", "must not contain spaces"),
        Arguments.of(
            "https://example.com/" + "a".repeat(4077),
            "is at most 4096 characters; this one has 4097"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void anythingElseIsRefusedNamingTheUrlFieldAndTheReason(String url, String reason) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> Destination.of(url));
    assertEquals("url", e.field());
    assertTrue(e.getMessage().startsWith("url " + reason), e.getMessage());
    if (url != null) {
      assertFalse(Destination.accepts(url), "accepts agrees with the constructor");
    }
  }

  @ParameterizedTest
  @MethodSource("refused")
  void theReasonNeverQuotesTheUrl(String url, String reason) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> Destination.of("actions[0].url", url));
    assertEquals("actions[0].url", e.field());
    if (url != null && url.length() > 3) {
      assertFalse(e.getMessage().contains(url.strip()), e.getMessage());
    }
  }

  @Test
  void aUrlOfMoreThan4096CharactersIsRefused() {
    String prefix = "https://example.com/";
    String longest = prefix + "a".repeat(Destination.MAX_LENGTH - prefix.length());
    assertEquals(longest, Destination.of(longest).url());
    InvalidInput e = assertThrows(InvalidInput.class, () -> Destination.of(longest + "a"));
    assertEquals("url is at most 4096 characters; this one has 4097", e.getMessage());
  }
}
