package io.linktrack.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One bulk send: a template and its recipients, expanded into one message per recipient. Progress
 * is counted from the messages themselves, so there is no hot counter row to contend on.
 */
@Entity
@Table(name = "LT_BATCH")
public class Batch {

  @Id
  @SequenceGenerator(name = "LT_BATCH_SEQ", sequenceName = "LT_BATCH_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_BATCH_SEQ")
  private Long id;

  @Column(name = "TOTAL", nullable = false)
  private int total;

  @Column(name = "CAMPAIGN_ID")
  private Long campaignId;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  /** Recipients whose messages are stored; below total while the acceptance is under way. */
  @Column(name = "ACCEPTED", nullable = false)
  private int accepted;

  protected Batch() {}

  public Batch(int total, Long campaignId, Instant createdAt) {
    if (total < 1) {
      throw new IllegalArgumentException("A batch has at least one recipient");
    }
    this.total = total;
    this.campaignId = campaignId;
    this.createdAt = createdAt;
  }

  /**
   * Takes the next at most {@code size} recipients for storing and answers the index after them
   * (the first is {@link #accepted()} before the call). Called with the batch row locked, so the
   * original request and a retry of it never take the same recipients.
   */
  public int acceptNext(int size) {
    accepted = Math.min(total, accepted + size);
    return accepted;
  }

  public int accepted() {
    return accepted;
  }

  public Long id() {
    return id;
  }

  public int total() {
    return total;
  }

  public Long campaignId() {
    return campaignId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
