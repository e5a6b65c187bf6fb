package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTagTest {

  private static final byte[] KEY =
      "a test key of 32 characters long".getBytes(StandardCharsets.UTF_8);
  private final SecureRandom random = new SecureRandom();
  private final CodeTag tag = new CodeTag(KEY, 8);

  @Test
  void newCodesAreTenBase62CharactersAndPassTheirOwnCheck() {
    for (int i = 0; i < 10_000; i++) {
      String code = tag.random(random).value();
      assertTrue(code.matches("[0-9A-Za-z]{10}"), code);
      assertFalse(tag.refuses(code), code);
    }
  }

  @Test
  void nearlyEveryGuessedCodeOfTheTaggedLengthIsRefused() {
    int passed = 0;
    int guesses = 200_000;
    for (int i = 0; i < guesses; i++) {
      if (!tag.refuses(ShortCode.random(random, 10).value())) {
        passed++;
      }
    }
    // one guess in 3,844 carries the right tag by chance: about 52 of 200,000
    assertTrue(passed < 120, passed + " of " + guesses + " guesses passed the check");
  }

  @Test
  void changingOneCharacterOfTheRandomPartBreaksTheTag() {
    String code = tag.random(random).value();
    int refused = 0;
    for (int i = 0; i < 8; i++) {
      char replaced = code.charAt(i) == 'a' ? 'b' : 'a';
      String altered = code.substring(0, i) + replaced + code.substring(i + 1);
      refused += tag.refuses(altered) ? 1 : 0;
    }
    assertTrue(refused >= 7, "altered codes passed: " + (8 - refused));
  }

  @Test
  void anotherKeyGivesOtherTags() {
    CodeTag other =
        new CodeTag("another key, also 32 characters!".getBytes(StandardCharsets.UTF_8), 8);
    int refused = 0;
    for (int i = 0; i < 1000; i++) {
      refused += other.refuses(tag.random(random).value()) ? 1 : 0;
    }
    assertTrue(refused > 990, "codes of one key pass the other's check: " + (1000 - refused));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ab3dE6gH",
        "Ab3dE6gHijkl",
        "custom",
        "",
        "zzzzzzzzzzzzzzzz",
        "ab cdefghi",
        "robots.txt",
        "Ab3dE6gHéé"
      })
  void codesOfAnyOtherLengthAreLeftToTheLookup(String code) {
    // codes handed out before tags existed had 8 characters; they must keep working. Malformed
    // ones are refused by ShortCode.parse, also without a lookup.
    assertFalse(tag.refuses(code), code);
  }

  @Test
  void aShortKeyOrALengthWithoutRoomForTheTagIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CodeTag(new byte[15], 8));
    assertThrows(IllegalArgumentException.class, () -> new CodeTag(KEY, 15));
    assertThrows(IllegalArgumentException.class, () -> new CodeTag(KEY, 5));
    assertEquals(16, new CodeTag(KEY, 14).taggedLength());
  }
}
