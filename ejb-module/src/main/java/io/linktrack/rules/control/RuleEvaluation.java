package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import io.linktrack.rules.control.ClickContext.ClickedLink;
import io.linktrack.rules.entity.Alert;
import io.linktrack.rules.entity.Rule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates rules for the subjects that a slice of new clicks touched, and fires the rules they now
 * exceed, in the caller's transaction. Per rule: which subjects the clicks touch (in memory), which
 * of those already fired (one query), the metric of the rest (one query).
 */
@Stateless
public class RuleEvaluation {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ClickContext context;

  @Inject RuleMetrics metrics;

  /** Answers the alerts fired. */
  public List<Alert> evaluate(List<Rule> rules, List<FedClick> clicks, Instant now) {
    if (rules.isEmpty() || clicks.isEmpty()) {
      return List.of();
    }
    Map<Long, ClickedLink> links = context.linksOf(clicks);
    Instant until = clicks.stream().map(FedClick::at).max(Instant::compareTo).orElse(now);
    List<Alert> fired = new ArrayList<>();
    for (Rule rule : rules) {
      Map<String, String> touched = touched(rule, clicks, links);
      touched.keySet().removeAll(alreadyFired(rule, touched.keySet()));
      if (touched.isEmpty()) {
        continue;
      }
      Map<String, Long> values = metrics.values(rule, touched.keySet(), until);
      for (Map.Entry<String, String> subject : touched.entrySet()) {
        long value = values.getOrDefault(subject.getKey(), 0L);
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

  /** Subjects of the rule's scope that counted clicks touched, each with its contact if one. */
  static Map<String, String> touched(
      Rule rule, List<FedClick> clicks, Map<Long, ClickedLink> links) {
    Map<String, String> subjects = new LinkedHashMap<>();
    for (FedClick click : clicks) {
      ClickedLink link = links.get(click.linkId());
      if (link == null || !rule.counts(link.originalUrl(), link.campaignId())) {
        continue;
      }
      switch (rule.scope()) {
        case MESSAGE -> {
          if (link.messageId() != null) {
            subjects.put(link.messageId().toString(), link.contactId());
          }
        }
        case LINK -> subjects.put(Long.toString(link.linkId()), link.contactId());
        case CAMPAIGN -> {
          if (link.campaignId() != null) {
            subjects.put(link.campaignId().toString(), null);
          }
        }
        case CONTACT -> {
          if (link.contactId() != null) {
            subjects.put(link.contactId(), link.contactId());
          }
        }
      }
    }
    return subjects;
  }

  private Set<String> alreadyFired(Rule rule, Set<String> subjects) {
    Set<String> fired = new HashSet<>();
    for (List<String> chunk : InList.chunks(subjects)) {
      fired.addAll(
          em.createQuery(
                  "SELECT a.subjectId FROM Alert a WHERE a.ruleId = :rule"
                      + " AND a.generation = :generation AND a.subjectId IN :subjects",
                  String.class)
              .setParameter("rule", rule.id())
              .setParameter("generation", rule.generation())
              .setParameter("subjects", chunk)
              .getResultList());
    }
    return fired;
  }
}
