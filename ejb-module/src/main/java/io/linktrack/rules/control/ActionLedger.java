package io.linktrack.rules.control;

import io.linktrack.contacts.boundary.Contacts;
import io.linktrack.rules.entity.ActionState;
import io.linktrack.rules.entity.ActionType;
import io.linktrack.rules.entity.Alert;
import io.linktrack.rules.entity.AlertAction;
import io.linktrack.rules.entity.RetrySchedule;
import io.linktrack.tasks.boundary.Tasks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery state of alert actions, each step in a transaction of its own.
 *
 * <p>An attempt is claimed by an UPDATE that counts it and moves its next attempt past a lease:
 * only one server wins the claim, and if that server dies mid-attempt, the action is due again when
 * the lease ends. Remote actions (webhook, mail) are then carried out outside any transaction, and
 * their outcome recorded. Local ones (tag, task) are claimed, done and recorded in one transaction,
 * so they happen exactly once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ActionLedger {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject Contacts contacts;

  @Inject Tasks tasks;

  /** An action whose next attempt is due. */
  public record Due(long id, ActionType type) {}

  /** Actions whose next attempt is due, the longest waiting first. */
  public List<Due> due(Instant now, int limit) {
    return em
        .createQuery(
            "SELECT a.id, a.type FROM AlertAction a WHERE a.state = :pending"
                + " AND a.nextAttemptAt <= :now ORDER BY a.nextAttemptAt, a.id",
            Object[].class)
        .setParameter("pending", ActionState.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new Due((Long) row[0], (ActionType) row[1]))
        .toList();
  }

  /** Claims the next attempt of a remote action; empty if another server got it first. */
  public Optional<Attempt> claim(long actionId, Instant now, Instant leaseUntil) {
    if (!claimed(actionId, now, leaseUntil)) {
      return Optional.empty();
    }
    return Optional.of(attempt(em.find(AlertAction.class, actionId)));
  }

  /** Claims, carries out and records a local action: all or nothing. */
  public boolean performLocal(long actionId, Instant now, RetrySchedule schedule) {
    if (!claimed(actionId, now, now)) {
      return false;
    }
    AlertAction action = em.find(AlertAction.class, actionId);
    Alert alert = action.alert();
    switch (action.type()) {
      case TAG_CONTACT -> {
        if (alert.contactId() == null) {
          action.failed(
              "The " + alert.scope() + " " + alert.subjectId() + " has no contact to tag",
              false,
              schedule,
              now);
          return true;
        }
        contacts.tag(alert.contactId(), action.target());
      }
      case CREATE_TASK ->
          tasks.create(
              action.target(),
              action.subject(),
              attempt(action).summary(),
              alert.contactId(),
              alert.id());
      default -> throw new IllegalStateException(action.type() + " is not a local action");
    }
    action.done(now);
    return true;
  }

  /** Records how an attempt went. */
  public void record(long actionId, Outcome outcome, RetrySchedule schedule, Instant now) {
    AlertAction action = em.find(AlertAction.class, actionId);
    if (action == null || action.state() != ActionState.PENDING) {
      return;
    }
    if (outcome.done()) {
      action.done(now);
    } else {
      action.failed(outcome.error(), outcome.retryable(), schedule, now);
    }
  }

  /**
   * Counts a failed attempt that could not even be recorded in its own transaction (a local action
   * whose work failed): the next one waits like a retry.
   */
  public void recordFailure(long actionId, String error, RetrySchedule schedule, Instant now) {
    if (claimed(actionId, now, now)) {
      AlertAction action = em.find(AlertAction.class, actionId);
      action.failed(error, true, schedule, now);
    }
  }

  private boolean claimed(long actionId, Instant now, Instant leaseUntil) {
    return em.createNativeQuery(
                "UPDATE LT_ALERT_ACTION SET ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?1"
                    + " WHERE ID = ?2 AND STATE = 'PENDING' AND NEXT_ATTEMPT_AT <= ?3")
            .setParameter(1, Timestamp.from(leaseUntil))
            .setParameter(2, actionId)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  private static Attempt attempt(AlertAction action) {
    Alert alert = action.alert();
    return new Attempt(
        action.id(),
        action.type(),
        action.target(),
        action.secret(),
        action.subject(),
        action.attempts(),
        alert.id(),
        alert.ruleId(),
        alert.ruleName(),
        alert.scope(),
        alert.metric(),
        alert.subjectId(),
        alert.contactId(),
        alert.value(),
        alert.threshold(),
        alert.firedAt());
  }
}
