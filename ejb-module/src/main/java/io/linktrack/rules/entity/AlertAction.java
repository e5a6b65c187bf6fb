package io.linktrack.rules.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One action of one alert and how its delivery went: each action of an alert is carried out on its
 * own, so one failing never holds up the others.
 */
@Entity
@Table(name = "LT_ALERT_ACTION")
public class AlertAction {

  public static final int MAX_ERROR = 1000;

  @Id
  @SequenceGenerator(
      name = "LT_ALERT_ACTION_SEQ",
      sequenceName = "LT_ALERT_ACTION_SEQ",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_ALERT_ACTION_SEQ")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "ALERT_ID", nullable = false)
  private Alert alert;

  @Column(name = "POSITION", nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "TYPE", nullable = false, length = 16)
  private ActionType type;

  @Column(name = "TARGET", nullable = false, length = RuleAction.MAX_URL)
  private String target;

  @Column(name = "SECRET", length = RuleAction.MAX_SECRET)
  private String secret;

  @Column(name = "SUBJECT", length = RuleAction.MAX_MAIL_SUBJECT)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false, length = 8)
  private ActionState state;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT")
  private Instant nextAttemptAt;

  @Column(name = "LAST_ERROR", length = MAX_ERROR)
  private String lastError;

  @Column(name = "DONE_AT")
  private Instant doneAt;

  protected AlertAction() {}

  AlertAction(Alert alert, int position, RuleAction action, Instant now) {
    this.alert = alert;
    this.position = position;
    this.type = action.type();
    this.target = action.target();
    this.secret = action.secret();
    this.subject = action.subject();
    this.state = ActionState.PENDING;
    this.nextAttemptAt = now;
  }

  /** The attempt succeeded. */
  public void done(Instant now) {
    state = ActionState.DONE;
    nextAttemptAt = null;
    lastError = null;
    doneAt = now;
  }

  /**
   * The attempt failed: try again when the schedule says, or give up when it says no more (or when
   * retrying cannot help).
   */
  public void failed(String error, boolean retryable, RetrySchedule schedule, Instant now) {
    lastError = error == null ? "unknown error" : truncate(error);
    Optional<Instant> next =
        retryable ? schedule.nextAttempt(attempts, alert.firedAt(), now) : Optional.empty();
    if (next.isPresent()) {
      nextAttemptAt = next.get();
    } else {
      state = ActionState.FAILED;
      nextAttemptAt = null;
      doneAt = now;
    }
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Alert alert() {
    return alert;
  }

  public int position() {
    return position;
  }

  public ActionType type() {
    return type;
  }

  public String target() {
    return target;
  }

  public String secret() {
    return secret;
  }

  public String subject() {
    return subject;
  }

  public ActionState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant doneAt() {
    return doneAt;
  }
}
