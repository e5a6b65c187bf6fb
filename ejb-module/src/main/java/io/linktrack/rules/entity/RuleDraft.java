package io.linktrack.rules.entity;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule as an admin writes it, before it is stored. The constructor holds every rule a rule must
 * satisfy, so a POST and a PUT accept exactly the same bodies.
 */
public record RuleDraft(
    String name,
    Scope scope,
    Metric metric,
    long threshold,
    Long campaignId,
    String urlContains,
    Integer withinMinutes,
    boolean enabled,
    List<RuleAction> actions) {

  public static final int MAX_NAME = 200;
  public static final int MAX_ACTIONS = 10;

  /** A year: longer windows are no longer "recent" clicks, and the rule may as well count all. */
  public static final int MAX_WINDOW_MINUTES = 366 * 24 * 60;

  public RuleDraft {
    name = Text.required("name", name, MAX_NAME);
    if (threshold < 0) {
      throw new InvalidInput("threshold", "threshold must be 0 or more");
    }
    if (scope == Scope.LINK && metric == Metric.UNIQUE_CLICKS) {
      throw new InvalidInput(
          "metric", "metric UNIQUE_CLICKS has no meaning for one link: use CLICKS with scope LINK");
    }
    urlContains = Text.optional("urlContains", urlContains, RuleAction.MAX_URL);
    if (withinMinutes != null && (withinMinutes < 1 || withinMinutes > MAX_WINDOW_MINUTES)) {
      throw new InvalidInput(
          "withinMinutes", "withinMinutes is between 1 and " + MAX_WINDOW_MINUTES);
    }
    if (actions == null || actions.isEmpty()) {
      throw new InvalidInput("actions", "actions needs at least one action");
    }
    if (actions.size() > MAX_ACTIONS) {
      throw new InvalidInput("actions", "actions has at most " + MAX_ACTIONS + " actions");
    }
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).type() == ActionType.TAG_CONTACT && !scope.hasOneContact()) {
        throw new InvalidInput(
            "actions[" + i + "].type",
            "TAG_CONTACT needs a subject with one contact (MESSAGE, LINK or CONTACT), not "
                + scope);
      }
    }
    actions = List.copyOf(actions);
  }

  /**
   * Reads {@code {name, scope, metric, threshold, campaignId?, urlContains?, withinMinutes?,
   * enabled?, actions: [...]}}.
   */
  public static RuleDraft fromJson(JsonFields json) {
    String name = json.text("name");
    Scope scope = Scope.parse("scope", json.text("scope"));
    Metric metric = Metric.parse("metric", json.text("metric"));
    Long threshold = json.wholeNumber("threshold");
    if (threshold == null) {
      throw new InvalidInput("threshold", "threshold is required: the rule fires above it");
    }
    Long within = json.wholeNumber("withinMinutes");
    if (within != null && (within < 1 || within > MAX_WINDOW_MINUTES)) {
      throw new InvalidInput(
          "withinMinutes", "withinMinutes is between 1 and " + MAX_WINDOW_MINUTES);
    }
    JsonArray array = json.array("actions");
    List<RuleAction> actions = new ArrayList<>();
    if (array != null) {
      if (array.size() > MAX_ACTIONS) {
        throw new InvalidInput("actions", "actions has at most " + MAX_ACTIONS + " actions");
      }
      for (int i = 0; i < array.size(); i++) {
        actions.add(
            RuleAction.fromJson(JsonFields.element(array, i, "actions"), "actions[" + i + "]."));
      }
    }
    Boolean enabled = json.bool("enabled");
    return new RuleDraft(
        name,
        scope,
        metric,
        threshold,
        json.wholeNumber("campaignId"),
        json.text("urlContains"),
        within == null ? null : within.intValue(),
        enabled == null || enabled,
        actions);
  }
}
