package io.linktrack.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One outbound SMS or email and its link-tracking fields.
 *
 * <p>The message stores none of its link-tracking fields ({@code clicks}, {@code firstClick},
 * {@code lastClick}, {@code linksClicked}, {@code shortLinks}): they are read from its links'
 * counters, which the click path keeps exact. Stored once, they can never disagree, and a click
 * touches no message row.
 */
@Entity
@Table(name = "LT_MESSAGE")
public class Message {

  @Id
  @SequenceGenerator(name = "LT_MESSAGE_SEQ", sequenceName = "LT_MESSAGE_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_MESSAGE_SEQ")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "CHANNEL", nullable = false, length = 8)
  private Channel channel;

  @Column(name = "RECIPIENT", nullable = false, length = OutboundDraft.MAX_ADDRESS)
  private String to;

  @Column(name = "SENDER", length = OutboundDraft.MAX_ADDRESS)
  private String from;

  @Column(name = "SUBJECT", length = OutboundDraft.MAX_SUBJECT)
  private String subject;

  @Lob
  @Column(name = "BODY", nullable = false)
  private String body;

  @Lob
  @Column(name = "TRACKED_BODY")
  private String trackedBody;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 8)
  private MessageStatus status;

  @Column(name = "FAILURE_REASON", length = 1000)
  private String failureReason;

  @Column(name = "CAMPAIGN_ID")
  private Long campaignId;

  @Column(name = "CONTACT_ID", length = OutboundDraft.MAX_REFERENCE)
  private String contactId;

  @Column(name = "BATCH_ID")
  private Long batchId;

  /** Null means the default, true. */
  @Column(name = "TRACK_LINKS")
  private Boolean trackLinks;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  /** When the message was handed to its channel. */
  @Column(name = "SENT_AT")
  private Instant sentAt;

  /** When the message id was put on the outbound queue; null while that is still owed. */
  @Column(name = "ENQUEUED_AT")
  private Instant enqueuedAt;

  /**
   * Idempotency key of a record the CRM put straight on the queue (its externalId, or the JMS
   * message id): a redelivered record finds its message again instead of creating a second one.
   */
  @Column(name = "SOURCE_KEY", unique = true, length = 255)
  private String sourceKey;

  protected Message() {}

  public Message(OutboundDraft draft, Instant now) {
    this.channel = draft.channel();
    this.to = draft.to();
    this.from = draft.from();
    this.subject = draft.subject();
    this.body = draft.body();
    this.campaignId = draft.campaignId();
    this.contactId = draft.contactId();
    this.batchId = draft.batchId();
    this.trackLinks = draft.trackLinks();
    this.status = MessageStatus.QUEUED;
    this.createdAt = now;
  }

  public static Message fromQueue(OutboundDraft draft, String sourceKey, Instant now) {
    Message message = new Message(draft, now);
    message.sourceKey = sourceKey;
    message.enqueuedAt = now;
    return message;
  }

  /** Links are tracked unless the message or its campaign says no (either one is enough). */
  public boolean wantsTracking(boolean campaignTracksLinks) {
    return (trackLinks == null || trackLinks) && campaignTracksLinks;
  }

  /** True while the message still waits for its short links: a second preparation must not run. */
  public boolean awaitsPreparation() {
    return status == MessageStatus.QUEUED;
  }

  /** Links shortened (or tracking off): the rewritten body is what delivery will send. */
  public void markReady(String rewrittenBody) {
    requireStatus(MessageStatus.QUEUED);
    this.trackedBody = rewrittenBody;
    this.status = MessageStatus.READY;
  }

  public boolean awaitsDelivery() {
    return status == MessageStatus.READY;
  }

  public void markSent(Instant at) {
    requireStatus(MessageStatus.READY);
    this.status = MessageStatus.SENT;
    this.sentAt = at;
  }

  /** Given up after retries; the reason is kept for the sender to see. */
  public void markFailed(String reason) {
    if (status.isFinished()) {
      return;
    }
    this.status = MessageStatus.FAILED;
    this.failureReason = reason == null ? "unknown error" : truncate(reason, 1000);
  }

  private void requireStatus(MessageStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("Message " + id + " is " + status + ", expected " + expected);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Channel channel() {
    return channel;
  }

  public String to() {
    return to;
  }

  public String from() {
    return from;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String trackedBody() {
    return trackedBody;
  }

  public MessageStatus status() {
    return status;
  }

  public String failureReason() {
    return failureReason;
  }

  public Long campaignId() {
    return campaignId;
  }

  public String contactId() {
    return contactId;
  }

  public Long batchId() {
    return batchId;
  }

  public Boolean trackLinks() {
    return trackLinks;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
