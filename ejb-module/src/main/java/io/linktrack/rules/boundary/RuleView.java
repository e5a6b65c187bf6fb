package io.linktrack.rules.boundary;

import io.linktrack.rules.entity.ActionType;
import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.RuleAction;
import io.linktrack.rules.entity.Scope;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A rule as the API shows it. Webhook secrets are never shown again, only whether one is set. */
@JsonbNillable
public record RuleView(
    long id,
    String name,
    Scope scope,
    Metric metric,
    long threshold,
    Long campaignId,
    String urlContains,
    Integer withinMinutes,
    boolean enabled,
    int generation,
    Instant createdAt,
    Instant updatedAt,
    List<ActionView> actions) {

  /** One action; only the fields of its type are set. */
  @JsonbNillable
  public record ActionView(
      ActionType type,
      String url,
      Boolean signed,
      String to,
      String subject,
      String tag,
      String assignee) {

    static ActionView of(RuleAction action) {
      String target = action.target();
      return switch (action.type()) {
        case WEBHOOK ->
            new ActionView(action.type(), target, action.secret() != null, null, null, null, null);
        case EMAIL ->
            new ActionView(action.type(), null, null, target, action.subject(), null, null);
        case TAG_CONTACT -> new ActionView(action.type(), null, null, null, null, target, null);
        case CREATE_TASK ->
            new ActionView(action.type(), null, null, null, action.subject(), null, target);
      };
    }
  }

  static RuleView of(Rule rule) {
    return new RuleView(
        rule.id(),
        rule.name(),
        rule.scope(),
        rule.metric(),
        rule.threshold(),
        rule.campaignId(),
        rule.urlContains(),
        rule.withinMinutes(),
        rule.enabled(),
        rule.generation(),
        rule.createdAt(),
        rule.updatedAt(),
        rule.actions().stream().map(ActionView::of).toList());
  }
}
