package io.linktrack.rules.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One firing of a rule for one subject, with a copy of the rule's actions to carry out. The
 * database allows one alert per rule, generation and subject (constraint LT_ALERT_ONCE).
 */
@Entity
@Table(name = "LT_ALERT")
public class Alert {

  @Id
  @SequenceGenerator(name = "LT_ALERT_SEQ", sequenceName = "LT_ALERT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_ALERT_SEQ")
  private Long id;

  @Column(name = "RULE_ID", nullable = false)
  private long ruleId;

  @Column(name = "GENERATION", nullable = false)
  private int generation;

  @Column(name = "RULE_NAME", nullable = false, length = RuleDraft.MAX_NAME)
  private String ruleName;

  @Enumerated(EnumType.STRING)
  @Column(name = "SCOPE", nullable = false, length = 16)
  private Scope scope;

  @Enumerated(EnumType.STRING)
  @Column(name = "METRIC", nullable = false, length = 16)
  private Metric metric;

  @Column(name = "SUBJECT_ID", nullable = false, length = 255)
  private String subjectId;

  /** The contact of the subject, when it has exactly one. */
  @Column(name = "CONTACT_ID", length = 255)
  private String contactId;

  @Column(name = "METRIC_VALUE", nullable = false)
  private long value;

  @Column(name = "THRESHOLD", nullable = false)
  private long threshold;

  @Column(name = "FIRED_AT", nullable = false)
  private Instant firedAt;

  @OneToMany(mappedBy = "alert", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<AlertAction> actions = new ArrayList<>();

  protected Alert() {}

  public Alert(Rule rule, String subjectId, String contactId, long value, Instant firedAt) {
    this.ruleId = rule.id();
    this.generation = rule.generation();
    this.ruleName = rule.name();
    this.scope = rule.scope();
    this.metric = rule.metric();
    this.subjectId = subjectId;
    this.contactId = contactId;
    this.value = value;
    this.threshold = rule.threshold();
    this.firedAt = firedAt;
    List<RuleAction> ruleActions = rule.actions();
    for (int i = 0; i < ruleActions.size(); i++) {
      actions.add(new AlertAction(this, i, ruleActions.get(i), firedAt));
    }
  }

  public Long id() {
    return id;
  }

  public long ruleId() {
    return ruleId;
  }

  public int generation() {
    return generation;
  }

  public String ruleName() {
    return ruleName;
  }

  public Scope scope() {
    return scope;
  }

  public Metric metric() {
    return metric;
  }

  public String subjectId() {
    return subjectId;
  }

  public String contactId() {
    return contactId;
  }

  public long value() {
    return value;
  }

  public long threshold() {
    return threshold;
  }

  public Instant firedAt() {
    return firedAt;
  }

  public List<AlertAction> actions() {
    return List.copyOf(actions);
  }
}
