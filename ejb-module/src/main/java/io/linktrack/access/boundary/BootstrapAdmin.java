package io.linktrack.access.boundary;

import io.linktrack.access.control.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrator who exists before anyone is in the user registry, so that a fresh installation
 * works in one step without shipping a password anyone knows. With {@code linktrack.admin-password}
 * set, that password is the administrator's. Without it, the first start makes up a random
 * password, stores only its PBKDF2 hash, and logs it this one time; every later start (and every
 * other server on the same database) uses the stored hash. Setting a password later removes the
 * stored hash, so the generated password stops working for good.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BootstrapAdmin {

  private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "linktrack.admin-user", defaultValue = "admin")
  String user;

  @Inject
  @ConfigProperty(name = "linktrack.admin-password")
  Optional<String> configuredPassword;

  @Inject
  @ConfigProperty(name = "linktrack.api-base-url", defaultValue = "http://localhost:9080")
  String apiBaseUrl;

  private volatile String storedHash;

  // SHA-256 of the last password that matched the stored PBKDF2 hash: a client that signs in on
  // every request pays the slow hash once, not per request
  private volatile String verifiedDigest;

  @PostConstruct
  void init() {
    try (Connection connection = dataSource.getConnection()) {
      if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
        delete(connection);
        LOG.info("Administrator '" + user + "' signs in with linktrack.admin-password.");
        return;
      }
      storedHash = read(connection);
      if (storedHash == null) {
        String password = Secrets.newPassword();
        if (insert(connection, Secrets.hashPassword(password))) {
          logOnce(password);
        }
        storedHash = read(connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set up the bootstrap administrator", e);
    }
  }

  /** The administrator's name, whether it signs in with a configured or a generated password. */
  public String user() {
    return user;
  }

  public boolean verify(String name, String password) {
    if (!Secrets.sameText(user, name) || password == null) {
      return false;
    }
    Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
    if (configured.isPresent()) {
      return Secrets.sameText(Secrets.sha256(configured.get()), Secrets.sha256(password));
    }
    String digest = Secrets.sha256(password);
    if (Secrets.sameText(digest, verifiedDigest)) {
      return true;
    }
    if (Secrets.matchesPassword(password, storedHash)) {
      verifiedDigest = digest;
      return true;
    }
    return false;
  }

  private void logOnce(String password) {
    LOG.warning(
        "\n================================================================================\n"
            + " No administrator password is configured, so Linktrack made one up:\n"
            + "\n"
            + "   LINKTRACK_BOOTSTRAP_ADMIN user="
            + user
            + " password="
            + password
            + "\n"
            + "\n"
            + " It is shown only this once (only its hash is stored). Try it:\n"
            + "   curl -u "
            + user
            + ":"
            + password
            + " "
            + apiBaseUrl
            + "/api/messages\n"
            + " Set LINKTRACK_ADMIN_PASSWORD (or linktrack.admin-password) to choose your own;\n"
            + " it replaces this one. People's accounts belong in the user registry\n"
            + " (docs/operations.md).\n"
            + "================================================================================");
  }

  private static String read(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT PASSWORD_HASH FROM LT_BOOTSTRAP_ADMIN WHERE ID = 1")) {
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** False when another server stored its password first: then that one stands. */
  private static boolean insert(Connection connection, String hash) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO LT_BOOTSTRAP_ADMIN (ID, PASSWORD_HASH, CREATED_AT) VALUES (1, ?, ?)")) {
      insert.setString(1, hash);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false;
      }
      throw e;
    }
  }

  private static void delete(Connection connection) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM LT_BOOTSTRAP_ADMIN")) {
      delete.executeUpdate();
    }
  }
}
