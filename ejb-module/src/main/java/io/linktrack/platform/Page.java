package io.linktrack.platform;

import java.util.List;

/** One page of a listing; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 500;

  /** Refuses a page request no listing can answer. */
  public static void check(int page, int size) {
    if (page < 0) {
      throw new InvalidInput("page", "page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "size is between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInput("page", "page is too far: page times size must stay below 2^31");
    }
  }
}
