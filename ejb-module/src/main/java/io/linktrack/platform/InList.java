package io.linktrack.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Ids asked for in a SQL {@code IN (?, ...)} list, a slice at a time: the databases limit the
 * parameters of a statement (and Derby the size of its compiled plan), so a long list becomes
 * several statements of at most {@value #MAX_IDS} ids.
 */
public final class InList {

  public static final int MAX_IDS = 500;

  private InList() {}

  /** The distinct ids, in slices of at most {@value #MAX_IDS}. */
  public static List<List<Long>> slices(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    List<List<Long>> slices = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += MAX_IDS) {
      slices.add(distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS)));
    }
    return slices;
  }

  /** {@code (?, ?, ?)} for three ids. */
  public static String of(List<Long> slice) {
    return "(" + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")";
  }

  /** Binds the slice from parameter {@code first} on; returns the next parameter's index. */
  public static int bind(PreparedStatement statement, int first, List<Long> slice)
      throws SQLException {
    int index = first;
    for (long id : slice) {
      statement.setLong(index++, id);
    }
    return index;
  }
}
