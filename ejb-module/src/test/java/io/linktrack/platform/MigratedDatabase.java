package io.linktrack.platform;

import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh in-memory Derby database built by the application's own migrations, for tests of code
 * that reads and writes the tables directly.
 */
public final class MigratedDatabase {

  private MigratedDatabase() {}

  public static EmbeddedDataSource fresh(String name) {
    EmbeddedDataSource db = new EmbeddedDataSource();
    db.setDatabaseName("memory:" + name + "-" + UUID.randomUUID());
    db.setCreateDatabase("create");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/derby")
        .table("LT_SCHEMA_HISTORY")
        .load()
        .migrate();
    return db;
  }
}
