package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.platform.InList;
import io.linktrack.rules.control.ClickContext.ClickedLink;
import io.linktrack.rules.control.RuleMetrics.LinkRow;
import io.linktrack.rules.entity.Alert;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.Scope;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates rules for the subjects that a slice of new clicks touched, and fires the rules they now
 * exceed, in the caller's transaction. Per rule: which subjects the clicks touch (in memory), which
 * of those already fired (one query for all rules), the metric of the rest ({@link RuleMetrics}:
 * the link rows of a scope read once for all its rules without a window, a window count per rule
 * with a window, a tally per CAMPAIGN rule).
 */
@Stateless
public class RuleEvaluation {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ClickContext context;

  @Inject RuleMetrics metrics;

  @Inject CampaignTallies tallies;

  /** Answers the alerts fired. */
  public List<Alert> evaluate(List<Rule> rules, List<FedClick> clicks, Instant now) {
    if (rules.isEmpty() || clicks.isEmpty()) {
      return List.of();
    }
    Map<Long, ClickedLink> links = context.linksOf(clicks);
    Map<Long, MessageEntry> known = ClickContext.messagesOf(links);
    Instant until = clicks.stream().map(FedClick::at).max(Instant::compareTo).orElse(now);
    Map<Rule, Map<String, String>> candidates = new LinkedHashMap<>();
    Map<Scope, Set<String>> sharedSubjects = new EnumMap<>(Scope.class);
    Map<Rule, Map<String, String>> touchedByRule = new LinkedHashMap<>();
    Set<String> allTouched = new HashSet<>();
    for (Rule rule : rules) {
      Map<String, String> touched = touched(rule, clicks, links);
      if (!touched.isEmpty()) {
        touchedByRule.put(rule, touched);
        allTouched.addAll(touched.keySet());
      }
    }
    Set<String> firedBefore = alreadyFired(touchedByRule.keySet(), allTouched);
    for (Map.Entry<Rule, Map<String, String>> entry : touchedByRule.entrySet()) {
      Rule rule = entry.getKey();
      Map<String, String> touched = entry.getValue();
      touched.keySet().removeIf(subject -> firedBefore.contains(firing(rule, subject)));
      if (touched.isEmpty()) {
        continue;
      }
      candidates.put(rule, touched);
      if (RuleMetrics.countsFromLinkRows(rule)) {
        sharedSubjects
            .computeIfAbsent(rule.scope(), scope -> new HashSet<>())
            .addAll(touched.keySet());
      }
    }
    // the link rows of each scope once, for all of its rules
    Map<Scope, Map<String, List<LinkRow>>> linkRows = new EnumMap<>(Scope.class);
    sharedSubjects.forEach(
        (scope, subjects) -> linkRows.put(scope, metrics.linkRows(scope, subjects, known)));
    List<Alert> fired = new ArrayList<>();
    for (Map.Entry<Rule, Map<String, String>> candidate : candidates.entrySet()) {
      Rule rule = candidate.getKey();
      Map<String, String> touched = candidate.getValue();
      Map<String, Long> values;
      if (rule.window() != null) {
        values = metrics.inWindow(rule, touched.keySet(), until, known);
      } else if (RuleMetrics.countsFromLinkRows(rule)) {
        values = null;
      } else {
        values = tallied(rule, touched.keySet(), clicks, links);
      }
      for (Map.Entry<String, String> subject : touched.entrySet()) {
        long value =
            values == null
                ? RuleMetrics.value(
                    rule, linkRows.get(rule.scope()).getOrDefault(subject.getKey(), List.of()))
                : values.getOrDefault(subject.getKey(), 0L);
        if (rule.isExceededBy(value)) {
          Alert alert = new Alert(rule, subject.getKey(), subject.getValue(), value, now);
          em.persist(alert);
          fired.add(alert);
        }
      }
    }
    // a second firing breaks the unique key here, and the whole pass rolls back
    em.flush();
    return fired;
  }

  /**
   * The metric of touched campaigns, counted exactly only where the stored tally plus what the new
   * clicks can add could exceed the threshold (see {@link CampaignTallies}); elsewhere the new
   * tally, which does not exceed it.
   */
  private Map<String, Long> tallied(
      Rule rule, Set<String> campaigns, List<FedClick> clicks, Map<Long, ClickedLink> links) {
    Map<String, Long> growth = CampaignTallies.growth(rule, clicks, links);
    Map<String, Long> stored = tallies.of(rule, campaigns);
    Map<String, Long> values = new HashMap<>();
    Set<String> recount = new HashSet<>();
    for (String campaign : campaigns) {
      Long tally = stored.get(campaign);
      long bound = tally == null ? Long.MAX_VALUE : tally + growth.getOrDefault(campaign, 0L);
      if (rule.isExceededBy(bound)) {
        recount.add(campaign);
      } else {
        values.put(campaign, bound);
      }
    }
    Map<String, Long> exact = metrics.totals(rule, recount);
    for (String campaign : recount) {
      values.put(campaign, exact.getOrDefault(campaign, 0L));
    }
    tallies.store(rule, values);
    return values;
  }

  /** Subjects of the rule's scope that counted clicks touched, each with its contact if one. */
  static Map<String, String> touched(
      Rule rule, List<FedClick> clicks, Map<Long, ClickedLink> links) {
    ScopeMetric metric = RuleMetrics.of(rule.scope());
    Map<String, String> subjects = new LinkedHashMap<>();
    for (FedClick click : clicks) {
      ClickedLink link = links.get(click.linkId());
      if (link == null || !rule.counts(link.originalUrl(), link.campaignId())) {
        continue;
      }
      String subject = metric.subjectOf(link);
      if (subject != null) {
        subjects.put(subject, rule.scope().hasOneContact() ? link.contactId() : null);
      }
    }
    return subjects;
  }

  /**
   * Which of the touched subjects already fired, for all rules in one query per 500 subjects (index
   * LT_ALERT_SUBJECT), as {@link #firing} keys.
   */
  private Set<String> alreadyFired(Set<Rule> rules, Set<String> subjects) {
    Set<String> fired = new HashSet<>();
    if (rules.isEmpty()) {
      return fired;
    }
    List<Long> ruleIds = rules.stream().map(Rule::id).toList();
    for (List<String> chunk : InList.chunks(subjects)) {
      for (Object[] row :
          em.createQuery(
                  "SELECT a.ruleId, a.generation, a.subjectId FROM Alert a"
                      + " WHERE a.subjectId IN :subjects AND a.ruleId IN :rules",
                  Object[].class)
              .setParameter("subjects", chunk)
              .setParameter("rules", ruleIds)
              .getResultList()) {
        fired.add(row[0] + "/" + row[1] + "/" + row[2]);
      }
    }
    return fired;
  }

  private static String firing(Rule rule, String subject) {
    return rule.id() + "/" + rule.generation() + "/" + subject;
  }
}
