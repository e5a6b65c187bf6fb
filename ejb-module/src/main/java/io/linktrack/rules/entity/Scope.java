package io.linktrack.rules.entity;

/** What a rule counts for: each message, campaign, tracked link or contact is its own subject. */
public enum Scope {
  MESSAGE,
  CAMPAIGN,
  LINK,
  CONTACT;

  public static Scope parse(String field, String text) {
    return Enums.parse(Scope.class, field, text);
  }

  /** Only subjects that belong to one contact can have that contact tagged. */
  public boolean hasOneContact() {
    return this != CAMPAIGN;
  }
}
