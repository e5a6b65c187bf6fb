package io.linktrack.rules.boundary;

import io.linktrack.rules.entity.ActionState;
import io.linktrack.rules.entity.ActionType;
import io.linktrack.rules.entity.Alert;
import io.linktrack.rules.entity.AlertAction;
import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Scope;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** One firing of a rule and the delivery state of each of its actions. */
@JsonbNillable
public record AlertView(
    long id,
    long ruleId,
    String ruleName,
    Scope scope,
    Metric metric,
    String subjectId,
    String contactId,
    long value,
    long threshold,
    Instant firedAt,
    List<ActionStateView> actions) {

  /**
   * {@code target} is the webhook URL, mail recipient, tag or assignee; {@code attempts} counts
   * attempts so far, {@code nextAttemptAt} is set while the action is PENDING.
   */
  @JsonbNillable
  public record ActionStateView(
      ActionType type,
      String target,
      ActionState state,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant doneAt) {

    static ActionStateView of(AlertAction action) {
      return new ActionStateView(
          action.type(),
          action.target(),
          action.state(),
          action.attempts(),
          action.nextAttemptAt(),
          action.lastError(),
          action.doneAt());
    }
  }

  static AlertView of(Alert alert) {
    return new AlertView(
        alert.id(),
        alert.ruleId(),
        alert.ruleName(),
        alert.scope(),
        alert.metric(),
        alert.subjectId(),
        alert.contactId(),
        alert.value(),
        alert.threshold(),
        alert.firedAt(),
        alert.actions().stream().map(ActionStateView::of).toList());
  }
}
