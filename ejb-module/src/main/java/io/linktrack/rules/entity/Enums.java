package io.linktrack.rules.entity;

import io.linktrack.platform.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

final class Enums {

  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    String allowed =
        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, field + " is required: one of " + allowed);
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, field + " must be one of " + allowed);
    }
  }
}
