package io.linktrack.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values asked for in a SQL {@code IN (?, ...)} list, a chunk at a time. The databases limit the
 * parameters of a statement (and Derby the size of its compiled plan), so a long list becomes
 * several statements of at most {@value #MAX} values; and a chunk is padded to one of a few fixed
 * sizes (the last value repeated, which changes no answer), so the database sees a handful of
 * distinct statements and reuses their plans. Used by the query objects that answer for many ids at
 * once (rule passes ask for hundreds, exports for a chunk of rows).
 */
public final class InList {

  public static final int MAX = 500;
  private static final int[] SIZES = {1, 10, 50, 100, MAX};

  private InList() {}

  /** The distinct values, in padded chunks of at most {@value #MAX}; none for no values. */
  public static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = values.stream().distinct().toList();
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX) {
      List<T> chunk = new ArrayList<>(all.subList(from, Math.min(from + MAX, all.size())));
      int size = padded(chunk.size());
      T last = chunk.get(chunk.size() - 1);
      while (chunk.size() < size) {
        chunk.add(last);
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  /** {@code ?,?,?} for three values. */
  public static String placeholders(int count) {
    return "?" + ",?".repeat(count - 1);
  }

  /** {@code (?,?,?)} for a chunk of three. */
  public static String of(List<?> chunk) {
    return "(" + placeholders(chunk.size()) + ")";
  }

  /** Binds the chunk from parameter {@code first} on; returns the next parameter's index. */
  public static int bind(PreparedStatement statement, int first, List<Long> chunk)
      throws SQLException {
    int index = first;
    for (long id : chunk) {
      statement.setLong(index++, id);
    }
    return index;
  }

  private static int padded(int size) {
    for (int candidate : SIZES) {
      if (size <= candidate) {
        return candidate;
      }
    }
    return MAX;
  }
}
