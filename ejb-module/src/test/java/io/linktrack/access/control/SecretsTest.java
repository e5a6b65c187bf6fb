package io.linktrack.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void apiKeysAreLongRandomAndUrlSafe() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String key = Secrets.newApiKey();
      assertTrue(key.matches("lt_[A-Za-z0-9_-]{43}"), key);
      keys.add(key);
    }
    assertEquals(1000, keys.size(), "no two keys alike");
  }

  @Test
  void anApiKeyIsStoredAsItsSha256() {
    // the SHA-256 of "abc" (FIPS 180-2 test vector)
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    String key = Secrets.newApiKey();
    assertEquals(64, Secrets.sha256(key).length());
    assertFalse(Secrets.sha256(key).contains(key.substring(3)));
  }

  @Test
  void aPasswordMatchesOnlyItsOwnSaltedHash() {
    String password = Secrets.newPassword();
    String stored = Secrets.hashPassword(password);
    assertTrue(stored.startsWith("pbkdf2-sha256$" + Secrets.ITERATIONS + "$"), stored);
    assertFalse(stored.contains(password), "the hash must not contain the password");
    assertTrue(Secrets.matchesPassword(password, stored));
    assertFalse(Secrets.matchesPassword(password + "x", stored));
    assertFalse(Secrets.matchesPassword("", stored));
    assertNotEquals(stored, Secrets.hashPassword(password), "each hash has its own salt");
  }

  @Test
  void aBrokenStoredHashMatchesNothing() {
    for (String stored :
        new String[] {null, "", "plain", "pbkdf2-sha256$1$!!$!!", "md5$1$AAAA$AAAA", "a$b$c$d"}) {
      assertFalse(Secrets.matchesPassword("secret", stored), String.valueOf(stored));
    }
  }

  @Test
  void sameTextComparesWholeTexts() {
    assertTrue(Secrets.sameText("abc", "abc"));
    assertFalse(Secrets.sameText("abc", "abd"));
    assertFalse(Secrets.sameText("abc", "ab"));
    assertFalse(Secrets.sameText(null, "abc"));
    assertFalse(Secrets.sameText("abc", null));
  }
}
