package io.linktrack.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the outbox channel would have sent. Keyed by message id, so a delivery repeated after a
 * crash finds its entry instead of sending twice.
 */
@Entity
@Table(name = "LT_OUTBOX")
public class OutboxEntry {

  @Id
  @Column(name = "MESSAGE_ID")
  private Long messageId;

  /** SMS or EMAIL. */
  @Column(name = "CHANNEL", nullable = false, length = 8)
  private String channel;

  @Column(name = "RECIPIENT", nullable = false, length = 320)
  private String to;

  @Column(name = "SENDER", length = 320)
  private String from;

  @Column(name = "SUBJECT", length = 998)
  private String subject;

  @Lob
  @Column(name = "BODY", nullable = false)
  private String body;

  @Column(name = "RECORDED_AT", nullable = false)
  private Instant recordedAt;

  protected OutboxEntry() {}

  public OutboxEntry(Outgoing message, Instant recordedAt) {
    this.messageId = message.id();
    this.channel = message.channel();
    this.to = message.to();
    this.from = message.from();
    this.subject = message.subject();
    this.body = message.body();
    this.recordedAt = recordedAt;
  }

  public Long messageId() {
    return messageId;
  }

  public String body() {
    return body;
  }
}
