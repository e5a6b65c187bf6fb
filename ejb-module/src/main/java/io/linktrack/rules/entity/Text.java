package io.linktrack.rules.entity;

import io.linktrack.platform.InvalidInput;

/** Text fields of rules and actions: stripped, blank means absent, bounded in length. */
final class Text {

  private Text() {}

  static String required(String field, String value, int max) {
    String text = optional(field, value, max);
    if (text == null) {
      throw new InvalidInput(field, field + " is required and must not be blank");
    }
    return text;
  }

  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    if (text.length() > max) {
      throw new InvalidInput(field, field + " is at most " + max + " characters");
    }
    return text.isEmpty() ? null : text;
  }
}
