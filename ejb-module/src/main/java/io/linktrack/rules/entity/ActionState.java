package io.linktrack.rules.entity;

/** Delivery state of one action of an alert. */
public enum ActionState {
  /** Not done yet: waiting for its first or next attempt. */
  PENDING,
  DONE,
  /** Given up: retries ran out, or retrying cannot help (a message without contact to tag). */
  FAILED
}
