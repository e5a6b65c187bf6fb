package io.linktrack.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An Idempotency-Key a client sent with a message or bulk send, and what that request created. A
 * retry with the same key and the same request answers the same message or batch; with another
 * request it is refused. Kept for a configurable time (linktrack.idempotency.retention), after
 * which the key may be used again.
 */
@Entity
@Table(name = "LT_IDEMPOTENCY_KEY")
public class IdempotencyKey {

  @Id
  @Column(name = "IDEMPOTENCY_KEY", length = IdempotentRequest.MAX_KEY)
  private String key;

  @Column(name = "REQUEST_HASH", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "MESSAGE_ID")
  private Long messageId;

  @Column(name = "BATCH_ID")
  private Long batchId;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Column(name = "EXPIRES_AT", nullable = false)
  private Instant expiresAt;

  protected IdempotencyKey() {}

  private IdempotencyKey(IdempotentRequest request, Instant now, Duration retention) {
    this.key = request.key();
    this.requestHash = request.fingerprint();
    this.createdAt = now;
    this.expiresAt = now.plus(retention);
  }

  public static IdempotencyKey forMessage(
      IdempotentRequest request, long messageId, Instant now, Duration retention) {
    IdempotencyKey key = new IdempotencyKey(request, now, retention);
    key.messageId = messageId;
    return key;
  }

  public static IdempotencyKey forBatch(
      IdempotentRequest request, long batchId, Instant now, Duration retention) {
    IdempotencyKey key = new IdempotencyKey(request, now, retention);
    key.batchId = batchId;
    return key;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Same endpoint, same body: a retry. Anything else under this key is a client's mistake. */
  public boolean answers(IdempotentRequest request) {
    return requestHash.equals(request.fingerprint());
  }

  public Long messageId() {
    return messageId;
  }

  public Long batchId() {
    return batchId;
  }
}
