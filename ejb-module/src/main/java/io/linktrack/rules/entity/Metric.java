package io.linktrack.rules.entity;

/**
 * What a rule counts. {@code CLICKS}: every click of the subject. {@code UNIQUE_CLICKS}: for a
 * message, the distinct links clicked; for a campaign, the messages with at least one click; for a
 * contact, the distinct URLs clicked (the same URL in two messages counts once). A single link has
 * no unique clicks of its own, so LINK rules count CLICKS.
 */
public enum Metric {
  CLICKS,
  UNIQUE_CLICKS;

  public static Metric parse(String field, String text) {
    return Enums.parse(Metric.class, field, text);
  }
}
