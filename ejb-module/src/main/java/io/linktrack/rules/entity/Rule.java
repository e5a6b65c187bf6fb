package io.linktrack.rules.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A workflow rule: when the metric of a subject exceeds the threshold, the actions run, once per
 * subject. The generation counts changes of what "exceeds" means (threshold, window, scope,
 * metric): each generation fires afresh.
 */
@Entity
@Table(name = "LT_RULE")
public class Rule {

  @Id
  @SequenceGenerator(name = "LT_RULE_SEQ", sequenceName = "LT_RULE_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_RULE_SEQ")
  private Long id;

  @Column(name = "NAME", nullable = false, length = RuleDraft.MAX_NAME)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "SCOPE", nullable = false, length = 16)
  private Scope scope;

  @Enumerated(EnumType.STRING)
  @Column(name = "METRIC", nullable = false, length = 16)
  private Metric metric;

  @Column(name = "THRESHOLD", nullable = false)
  private long threshold;

  @Column(name = "CAMPAIGN_ID")
  private Long campaignId;

  @Column(name = "URL_CONTAINS", length = RuleAction.MAX_URL)
  private String urlContains;

  @Column(name = "WITHIN_MINUTES")
  private Integer withinMinutes;

  @Column(name = "ENABLED", nullable = false)
  private boolean enabled;

  @Column(name = "GENERATION", nullable = false)
  private int generation;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "LT_RULE_ACTION", joinColumns = @JoinColumn(name = "RULE_ID"))
  @OrderColumn(name = "POSITION")
  private List<RuleAction> actions = new ArrayList<>();

  protected Rule() {}

  public Rule(RuleDraft draft, Instant now) {
    apply(draft);
    this.generation = 1;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Replaces the rule; a new meaning of "exceeds" starts a new generation, which fires afresh. */
  public void update(RuleDraft draft, Instant now) {
    boolean afresh =
        draft.threshold() != threshold
            || !Objects.equals(draft.withinMinutes(), withinMinutes)
            || draft.scope() != scope
            || draft.metric() != metric
            || !Objects.equals(draft.campaignId(), campaignId)
            || !Objects.equals(draft.urlContains(), urlContains);
    apply(draft);
    if (afresh) {
      generation++;
    }
    this.updatedAt = now;
  }

  private void apply(RuleDraft draft) {
    this.name = draft.name();
    this.scope = draft.scope();
    this.metric = draft.metric();
    this.threshold = draft.threshold();
    this.campaignId = draft.campaignId();
    this.urlContains = draft.urlContains();
    this.withinMinutes = draft.withinMinutes();
    this.enabled = draft.enabled();
    this.actions.clear();
    this.actions.addAll(draft.actions());
  }

  /** A rule fires when the metric is strictly greater than the threshold: "more than 3 times". */
  public boolean isExceededBy(long value) {
    return value > threshold;
  }

  /** The sliding window of counted clicks; null counts every click. */
  public Duration window() {
    return withinMinutes == null ? null : Duration.ofMinutes(withinMinutes);
  }

  /** Whether a click on a link with this destination, of a message in this campaign, counts. */
  public boolean counts(String originalUrl, Long clickCampaignId) {
    return (urlContains == null || (originalUrl != null && originalUrl.contains(urlContains)))
        && (campaignId == null || campaignId.equals(clickCampaignId));
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Scope scope() {
    return scope;
  }

  public Metric metric() {
    return metric;
  }

  public long threshold() {
    return threshold;
  }

  public Long campaignId() {
    return campaignId;
  }

  public String urlContains() {
    return urlContains;
  }

  public Integer withinMinutes() {
    return withinMinutes;
  }

  public boolean enabled() {
    return enabled;
  }

  public int generation() {
    return generation;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public List<RuleAction> actions() {
    return List.copyOf(actions);
  }
}
