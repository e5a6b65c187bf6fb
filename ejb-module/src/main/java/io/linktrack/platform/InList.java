package io.linktrack.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for {@code IN (?, ?, ...)} in chunks of a few fixed sizes (the last value repeated to fill
 * a chunk), so the database sees a handful of distinct statements and can reuse their plans. Used
 * by the query objects that answer for many ids at once (rule passes ask for hundreds).
 */
public final class InList {

  public static final int MAX = 500;
  private static final int[] SIZES = {1, 10, 50, 100, MAX};

  private InList() {}

  public static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
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

  public static String placeholders(int count) {
    return "?" + ",?".repeat(count - 1);
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
