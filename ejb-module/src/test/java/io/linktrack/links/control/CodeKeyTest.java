package io.linktrack.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.platform.MigratedDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The short-code key on an in-memory Derby database built by the real migrations: generated once,
 * then shared by every server and restart, so a code made by one server passes the check of all.
 */
class CodeKeyTest {

  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() {
    db = MigratedDatabase.fresh("codekey");
  }

  private CodeKey server(Optional<String> configured) {
    CodeKey key = new CodeKey();
    key.dataSource = db;
    key.configuredKey = configured;
    key.codeLength = 8;
    key.load();
    return key;
  }

  private int storedKeys() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM LT_SETTING")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void theFirstServerGeneratesTheKeyAndEveryLaterOneUsesIt() throws SQLException {
    CodeKey first = server(Optional.empty());
    CodeKey second = server(Optional.empty());
    assertEquals(1, storedKeys(), "one key, stored once");
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 100; i++) {
      String code = first.tag().random(random).value();
      assertFalse(second.tag().refuses(code), "a code of one server passes the other's check");
    }
  }

  @Test
  void aConfiguredKeyWinsAndIsNotStored() throws SQLException {
    CodeKey configured = server(Optional.of("a configured key of 32 characters"));
    CodeKey generated = server(Optional.empty());
    assertEquals(1, storedKeys(), "only the generated key is in the database");
    SecureRandom random = new SecureRandom();
    int refused = 0;
    for (int i = 0; i < 100; i++) {
      refused += generated.tag().refuses(configured.tag().random(random).value()) ? 1 : 0;
    }
    assertTrue(refused > 95, "different keys, different tags: " + refused);
  }

  @Test
  void aShortConfiguredKeyStopsTheStart() {
    assertThrows(IllegalStateException.class, () -> server(Optional.of("too short")));
  }
}
