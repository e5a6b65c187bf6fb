package io.linktrack.links.entity;

import io.linktrack.platform.InvalidInput;

/** A link made for one message, or a custom link made on its own through the API. */
public enum LinkType {
  MESSAGE,
  CUSTOM;

  /** The {@code type} query parameter (any case); null when absent. */
  public static LinkType parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(name, name + " must be CUSTOM or MESSAGE");
    }
  }
}
