package io.linktrack.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else runs. The scripts are per database
 * (db/migration/derby, db/migration/postgresql) and versioned, so an upgrade applies exactly the
 * scripts a database has not seen, and two servers starting together do not both apply them (Flyway
 * locks its history table).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/linktrackSchema")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    String vendor = vendor();
    MigrateResult result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            // Liberty finds a classpath folder only by a file in it: each holds flyway.location
            .locations("classpath:db/migration/" + vendor)
            .callbackLocations("classpath:db/migration/" + vendor)
            .failOnMissingLocations(true)
            .table("LT_SCHEMA_HISTORY")
            // Liberty creates the persistent timer tables (LT_TIMER_*) before this runs: on a new
            // database they are the only tables, and Flyway starts from version 0 beside them
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    LOG.info(
        "Database schema ("
            + vendor
            + ") at version "
            + result.targetSchemaVersion
            + "; "
            + result.migrationsExecuted
            + " migrations applied now");
  }

  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("derby")) {
        return "derby";
      }
      if (product.contains("postgres")) {
        return "postgresql";
      }
      throw new IllegalStateException("Linktrack supports Derby and PostgreSQL, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }
}
