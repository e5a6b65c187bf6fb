package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodeTest {

  @Test
  void randomCodesAreBase62OfTheRequestedLengthAndDoNotRepeat() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String code = ShortCode.random(random, 8).value();
      assertTrue(code.matches("[0-9A-Za-z]{8}"), code);
      seen.add(code);
    }
    assertEquals(100_000, seen.size(), "47 bits leave no room for a repeat among 100,000 codes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "abcd!fgh", "../etc/passwd", "abcdefghijklmnopq", "api", "ab cdefg"})
  void aMalformedCodeIsRefusedWithoutALookup(String candidate) {
    assertFalse(ShortCode.parse(candidate).isPresent(), candidate);
  }

  @Test
  void theShortUrlJoinsBaseAndCodeWithOneSlash() {
    assertEquals(
        "https://lt.example/Ab3dE6gH", ShortCode.shortUrl("https://lt.example/", "Ab3dE6gH"));
    assertEquals(
        "https://lt.example/Ab3dE6gH", ShortCode.shortUrl("https://lt.example", "Ab3dE6gH"));
  }
}
