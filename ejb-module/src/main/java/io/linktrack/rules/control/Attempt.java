package io.linktrack.rules.control;

import io.linktrack.rules.entity.ActionType;
import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Scope;
import java.time.Instant;

/** One claimed attempt at an action of an alert: everything needed to carry it out. */
public record Attempt(
    long actionId,
    ActionType type,
    String target,
    String secret,
    String subject,
    int attempt,
    long alertId,
    long ruleId,
    String ruleName,
    Scope scope,
    Metric metric,
    String subjectId,
    String contactId,
    long value,
    long threshold,
    Instant firedAt) {

  /** One line for people: what happened. */
  public String summary() {
    return "Rule \""
        + ruleName
        + "\" fired for "
        + scope
        + " "
        + subjectId
        + ": "
        + metric
        + " is "
        + value
        + ", above the threshold of "
        + threshold
        + ".";
  }
}
