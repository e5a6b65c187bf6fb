package io.linktrack.messages.entity;

/**
 * Where an outbound message is on its way: accepted ({@code QUEUED}), links shortened and stored
 * ({@code READY}), handed to its delivery channel ({@code SENT}), or given up on after retries
 * ({@code FAILED}, with the reason).
 */
public enum MessageStatus {
  QUEUED,
  READY,
  SENT,
  FAILED;

  public static MessageStatus parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new io.linktrack.platform.InvalidInput(
          field, field + " is one of QUEUED, READY, SENT, FAILED");
    }
  }

  public boolean isFinished() {
    return this == SENT || this == FAILED;
  }
}
