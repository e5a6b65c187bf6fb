package io.linktrack.rules.boundary;

import io.linktrack.platform.Attempts;
import io.linktrack.rules.control.ActionLedger;
import io.linktrack.rules.control.ActionLedger.Due;
import io.linktrack.rules.control.Attempt;
import io.linktrack.rules.control.MailSender;
import io.linktrack.rules.control.Outcome;
import io.linktrack.rules.control.WebhookSender;
import io.linktrack.rules.entity.ActionType;
import io.linktrack.rules.entity.RetrySchedule;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries out the due actions of alerts. Each action on its own: one failing does not stop the
 * others. Webhooks and mails are sent in parallel and outside any transaction (a slow receiver
 * holds no database lock), then their outcome is recorded; failures are retried on the schedule of
 * linktrack.actions.retry-*, which lives in the database and so survives a restart.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActionDelivery {

  private static final Logger LOG = Logger.getLogger(ActionDelivery.class.getName());

  /** Most actions started per run; the next run takes the rest. */
  static final int BATCH = 100;

  /** How long a claimed remote attempt is left to its server before another may take it. */
  static final Duration LEASE = Duration.ofMinutes(2);

  @Inject ActionLedger ledger;

  @Inject WebhookSender webhooks;

  @Inject MailSender mail;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "linktrack.api-base-url", defaultValue = "http://localhost:9080")
  String apiBaseUrl;

  @Inject
  @ConfigProperty(name = "linktrack.actions.retry-initial", defaultValue = "PT30S")
  Duration retryInitial;

  @Inject
  @ConfigProperty(name = "linktrack.actions.retry-max", defaultValue = "PT1H")
  Duration retryMax;

  @Inject
  @ConfigProperty(name = "linktrack.actions.retry-for", defaultValue = "PT24H")
  Duration retryFor;

  private record Sending(long actionId, Future<Outcome> outcome) {}

  /** Answers how many actions were attempted. */
  public int deliverDue() {
    RetrySchedule schedule = new RetrySchedule(retryInitial, retryMax, retryFor);
    String base =
        apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
    Instant now = Instant.now();
    List<Sending> sending = new ArrayList<>();
    int attempted = 0;
    for (Due due : ledger.due(now, BATCH)) {
      long id = due.id();
      try {
        if (due.type().isRemote()) {
          Optional<Attempt> attempt = ledger.claim(id, now, now.plus(LEASE));
          if (attempt.isPresent()) {
            attempted++;
            sending.add(new Sending(id, executor.submit(() -> send(attempt.get(), base))));
          }
        } else if (ledger.performLocal(id, now, schedule)) {
          attempted++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Action " + id + " failed; will retry", e);
        ledger.recordFailure(id, Attempts.reason(e), schedule, now);
        attempted++;
      }
    }
    for (Sending each : sending) {
      ledger.record(each.actionId(), outcome(each), schedule, Instant.now());
    }
    return attempted;
  }

  private Outcome send(Attempt attempt, String base) {
    return attempt.type() == ActionType.WEBHOOK
        ? webhooks.send(attempt, base)
        : mail.send(attempt, base);
  }

  private static Outcome outcome(Sending sending) {
    try {
      return sending.outcome().get();
    } catch (ExecutionException e) {
      return Outcome.retry(Attempts.reason(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.retry("Interrupted while sending");
    }
  }
}
