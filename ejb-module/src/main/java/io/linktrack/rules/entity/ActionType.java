package io.linktrack.rules.entity;

/** What a rule does when it fires. */
public enum ActionType {
  /** POST a signed JSON alert to a URL; retried with backoff. */
  WEBHOOK,
  /** A notification mail through the configured SMTP server; retried with backoff. */
  EMAIL,
  /** Adds a tag to the contact of the subject. */
  TAG_CONTACT,
  /** Creates a CRM task for an assignee. */
  CREATE_TASK;

  public static ActionType parse(String field, String text) {
    return Enums.parse(ActionType.class, field, text);
  }

  /** Actions that leave Linktrack may fail for reasons outside it, and are retried. */
  public boolean isRemote() {
    return this == WEBHOOK || this == EMAIL;
  }
}
