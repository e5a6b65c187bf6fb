package io.linktrack.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A read too long for a container transaction, handed on row by row as it comes from the database
 * (the CSV exports): memory stays flat however many rows match.
 *
 * <p>One forward-only, read-only cursor fetches {@value #FETCH_SIZE} rows at a time, and each row
 * is handed on before the next is read. PostgreSQL only streams a cursor with auto-commit off, yet
 * a container transaction would be cut at {@code totalTranLifetimeTimeout} (120 s) during a long
 * download; so the caller runs outside a container transaction, and the read runs in a local
 * transaction of its own connection, rolled back at the end (it writes nothing). Owners' query
 * objects use it for their SQL; no one else opens such a connection.
 */
public final class StreamingRead {

  public static final int FETCH_SIZE = 500;

  private StreamingRead() {}

  /** Sets the parameters of the SELECT. */
  @FunctionalInterface
  public interface Parameters {
    void set(PreparedStatement select) throws SQLException;
  }

  /** Reads the current row into a value. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Takes each row as it is read; writing it to a response may fail. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T row) throws IOException;
  }

  private static <T> void stream(
      DataSource dataSource, String sql, Parameters parameters, Row<T> row, Sink<? super T> sink)
      throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select =
          connection.prepareStatement(
              sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        select.setFetchSize(FETCH_SIZE);
        parameters.set(select);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            sink.accept(row.read(rows));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the export", e);
    }
  }

  /**
   * The rows of {@code select} (a {@code SELECT ... FROM} one table) created at or after {@code
   * from}, before {@code to}, of one campaign, every bound optional, oldest first (by creation,
   * then id): the range every export is asked for.
   */
  public static <T> void streamCreated(
      DataSource dataSource,
      String select,
      Instant from,
      Instant to,
      Long campaignId,
      Row<T> row,
      Sink<? super T> sink)
      throws IOException {
    StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
    if (from != null) {
      sql.append(" AND CREATED_AT >= ?");
    }
    if (to != null) {
      sql.append(" AND CREATED_AT < ?");
    }
    if (campaignId != null) {
      sql.append(" AND CAMPAIGN_ID = ?");
    }
    sql.append(" ORDER BY CREATED_AT, ID");
    stream(
        dataSource,
        sql.toString(),
        statement -> {
          int index = 1;
          if (from != null) {
            statement.setTimestamp(index++, Timestamp.from(from));
          }
          if (to != null) {
            statement.setTimestamp(index++, Timestamp.from(to));
          }
          if (campaignId != null) {
            statement.setLong(index, campaignId);
          }
        },
        row,
        sink);
  }

  /** A nullable BIGINT column. */
  public static Long nullableLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** A nullable TIMESTAMP column. */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
