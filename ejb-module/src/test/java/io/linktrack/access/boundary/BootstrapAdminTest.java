package io.linktrack.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.platform.MigratedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first start without a configured password, on an in-memory Derby database built by the real
 * migrations: a password is made up and logged once, only its hash is stored, later starts keep it
 * and log nothing, and a configured password replaces it.
 */
class BootstrapAdminTest {

  private static final Pattern LOGGED =
      Pattern.compile("LINKTRACK_BOOTSTRAP_ADMIN user=(\\S+) password=(\\S+)");

  private final List<String> log = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          log.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() {
    db = MigratedDatabase.fresh("bootstrap");
    Logger.getLogger(BootstrapAdmin.class.getName()).addHandler(capture);
  }

  @AfterEach
  void stopCapture() {
    Logger.getLogger(BootstrapAdmin.class.getName()).removeHandler(capture);
  }

  private BootstrapAdmin start(String configuredPassword) {
    BootstrapAdmin admin = new BootstrapAdmin();
    admin.dataSource = db;
    admin.user = "admin";
    admin.apiBaseUrl = "http://localhost:9080";
    admin.configuredPassword = Optional.ofNullable(configuredPassword);
    admin.init();
    return admin;
  }

  private List<String> loggedPasswords() {
    List<String> passwords = new ArrayList<>();
    for (String line : log) {
      Matcher matcher = LOGGED.matcher(line);
      while (matcher.find()) {
        assertEquals("admin", matcher.group(1));
        passwords.add(matcher.group(2));
      }
    }
    return passwords;
  }

  private String storedHash() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT PASSWORD_HASH FROM LT_BOOTSTRAP_ADMIN")) {
      return r.next() ? r.getString(1) : null;
    }
  }

  @Test
  void theFirstStartMakesUpAPasswordLogsItOnceAndStoresOnlyItsHash() throws SQLException {
    BootstrapAdmin first = start(null);
    List<String> logged = loggedPasswords();
    assertEquals(1, logged.size(), "the password is logged once: " + log);
    String password = logged.get(0);
    assertTrue(password.length() >= 24, "a long random password");
    assertTrue(first.verify("admin", password), "the logged password signs in");
    assertTrue(first.verify("admin", password), "and again (from the cache)");
    assertFalse(first.verify("admin", password + "x"), "a wrong password does not");
    assertFalse(first.verify("someone", password), "nor another user name");

    String hash = storedHash();
    assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
    assertFalse(hash.contains(password), "the database must not hold the password");

    BootstrapAdmin restarted = start(null);
    assertEquals(1, loggedPasswords().size(), "a restart logs no password");
    assertEquals(hash, storedHash(), "a restart keeps the stored password");
    assertTrue(restarted.verify("admin", password), "the same password after a restart");
  }

  @Test
  void aConfiguredPasswordReplacesTheGeneratedOneForGood() throws SQLException {
    start(null);
    String generated = loggedPasswords().get(0);

    BootstrapAdmin configured = start("chosen-by-the-operator");
    assertTrue(configured.verify("admin", "chosen-by-the-operator"));
    assertFalse(configured.verify("admin", generated), "the generated password stops working");
    assertEquals(null, storedHash(), "its hash is deleted");
    assertEquals(1, loggedPasswords().size(), "a configured password is never logged");
  }
}
