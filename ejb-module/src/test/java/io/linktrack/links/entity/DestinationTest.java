package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.linktrack.platform.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "HTTP://example.com/a?b=c#d",
        "https://user@example.com:8443/x",
        "https://[2001:db8::1]/x",
        "https://münchen.de/straße"
      })
  void anAbsoluteHttpUrlWithAHostIsADestination(String url) {
    assertEquals(url, Destination.of(" " + url + " ").url());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "ftp://example.com/file",
        "javascript:alert(1)",
        "mailto:a@example.com",
        "example.com/x",
        "https://",
        "https:///path",
        "https://:80/x",
        "https://example.com/a b",
        "https://example.com/\nSet-Cookie:x"
      })
  void anythingElseIsRefusedNamingTheUrlField(String url) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> Destination.of(url));
    assertEquals("url", e.field());
  }

  @Test
  void aUrlOfMoreThan4096CharactersIsRefused() {
    String prefix = "https://example.com/";
    String longest = prefix + "a".repeat(TrackedLink.MAX_URL - prefix.length());
    assertEquals(longest, Destination.of(longest).url());
    InvalidInput e = assertThrows(InvalidInput.class, () -> Destination.of(longest + "a"));
    assertEquals("url is at most 4096 characters; this one has 4097", e.getMessage());
  }
}
