package io.linktrack.links.control;

import io.linktrack.links.entity.CodeTag;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret behind the tags of short codes. Every server and every restart must use the same one,
 * or links handed out by one server would be refused by another: it comes from {@code
 * linktrack.links.code-key} when that is set, otherwise it is generated once and kept in the
 * database (table LT_SETTING, row {@code links.code-key}), where the first server to start puts it.
 *
 * <p>Read at start, outside any transaction: a key generated inside a transaction that then rolls
 * back would have tagged codes no other server can check.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CodeKey {

  private static final Logger LOG = Logger.getLogger(CodeKey.class.getName());

  static final String SETTING = "links.code-key";

  @Resource(lookup = "jdbc/linktrack", shareable = false)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "linktrack.links.code-key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "linktrack.links.code-length", defaultValue = "8")
  int codeLength;

  private CodeTag tag;

  @PostConstruct
  void load() {
    String configured = configuredKey.map(String::strip).orElse("");
    byte[] key;
    if (!configured.isEmpty()) {
      key = configured.getBytes(StandardCharsets.UTF_8);
      if (key.length < 16) {
        throw new IllegalStateException(
            "linktrack.links.code-key must have at least 16 characters (32 random ones are best)");
      }
    } else {
      key = Base64.getDecoder().decode(stored());
    }
    try {
      tag = new CodeTag(key, codeLength);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("linktrack.links.code-length: " + e.getMessage(), e);
    }
  }

  public CodeTag tag() {
    return tag;
  }

  /** The stored key; the first server to need one stores it, a second that races it reads it. */
  private String stored() {
    try (Connection connection = dataSource.getConnection()) {
      Optional<String> existing = read(connection);
      if (existing.isPresent()) {
        return existing.get();
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      String encoded = Base64.getEncoder().encodeToString(fresh);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO LT_SETTING (NAME, SETTING_VALUE, CREATED_AT) VALUES (?, ?, ?)")) {
        insert.setString(1, SETTING);
        insert.setString(2, encoded);
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.executeUpdate();
        LOG.info("Generated the short-code key and stored it in LT_SETTING");
        return encoded;
      } catch (SQLException e) {
        // another server stored its key first: use that one
        return read(connection).orElseThrow(() -> e);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read or store the short-code key", e);
    }
  }

  private static Optional<String> read(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT SETTING_VALUE FROM LT_SETTING WHERE NAME = ?")) {
      select.setString(1, SETTING);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }
}
