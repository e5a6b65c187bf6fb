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

  public boolean isFinished() {
    return this == SENT || this == FAILED;
  }
}
