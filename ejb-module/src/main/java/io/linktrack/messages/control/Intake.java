package io.linktrack.messages.control;

import io.linktrack.campaigns.boundary.Campaigns;
import io.linktrack.messages.entity.Batch;
import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.IdempotencyKey;
import io.linktrack.messages.entity.IdempotencyKeyReused;
import io.linktrack.messages.entity.IdempotentRequest;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.messages.entity.OutboundDraft;
import io.linktrack.platform.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores accepted messages, each call in a transaction of its own: a message is durable before its
 * id goes on the queue, and a bulk send is stored chunk by chunk so that no transaction grows with
 * the number of recipients.
 *
 * <p>A request with an Idempotency-Key stores its key in the same transaction as what it created.
 * The key is the table's primary key: of two concurrent requests with one key, the second one's
 * insert waits for the first to commit and then fails, and its retry finds the first one's answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Intake {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject Campaigns campaigns;

  @Inject
  @ConfigProperty(name = "linktrack.idempotency.retention", defaultValue = "PT24H")
  Duration keyRetention;

  /** What a send answers: what it stored, or what an earlier request with its key stored. */
  public record Accepted<T>(T record, boolean replayed) {}

  public Accepted<Message> accept(OutboundDraft draft, IdempotentRequest request) {
    Instant now = Instant.now();
    IdempotencyKey earlier = earlier(request, now);
    if (earlier != null) {
      return new Accepted<>(em.find(Message.class, earlier.messageId()), true);
    }
    requireCampaign(draft.campaignId());
    Message message = new Message(draft, now);
    em.persist(message);
    if (request != null) {
      em.flush(); // the key's row refers to the message's
      em.persist(IdempotencyKey.forMessage(request, message.id(), now, keyRetention));
      em.flush();
    }
    return new Accepted<>(message, false);
  }

  public Accepted<Batch> openBatch(BulkDraft bulk, IdempotentRequest request) {
    Instant now = Instant.now();
    IdempotencyKey earlier = earlier(request, now);
    if (earlier != null) {
      return new Accepted<>(em.find(Batch.class, earlier.batchId()), true);
    }
    requireCampaign(bulk.campaignId());
    Batch batch = new Batch(bulk.size(), bulk.campaignId(), now);
    em.persist(batch);
    if (request != null) {
      em.flush();
      em.persist(IdempotencyKey.forBatch(request, batch.id(), now, keyRetention));
      em.flush();
    }
    return new Accepted<>(batch, false);
  }

  /**
   * Stores the messages of the batch's next at most {@code size} recipients and answers their ids;
   * none once every recipient is stored. The batch row is locked, so a retry resuming an acceptance
   * (its first request died, or is still running) never stores a recipient twice.
   */
  public List<Long> acceptNextChunk(BulkDraft bulk, long batchId, int size) {
    Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    int from = batch.accepted();
    int to = batch.acceptNext(size);
    Instant now = Instant.now();
    List<Message> messages = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Message message = new Message(bulk.messageFor(i, batchId), now);
      em.persist(message);
      messages.add(message);
    }
    em.flush();
    return messages.stream().map(Message::id).toList();
  }

  /** Forgets the keys past their retention; answers how many. */
  public int forgetExpiredKeys() {
    return em.createQuery("DELETE FROM IdempotencyKey k WHERE k.expiresAt <= :now")
        .setParameter("now", Instant.now())
        .executeUpdate();
  }

  /** The key's earlier use, if it is still remembered; refuses a key reused for another request. */
  private IdempotencyKey earlier(IdempotentRequest request, Instant now) {
    if (request == null) {
      return null;
    }
    IdempotencyKey key = em.find(IdempotencyKey.class, request.key());
    if (key == null) {
      return null;
    }
    if (key.isExpired(now)) {
      em.remove(key);
      em.flush();
      return null;
    }
    if (!key.answers(request)) {
      throw new IdempotencyKeyReused();
    }
    return key;
  }

  public void markEnqueued(List<Long> ids) {
    em.createQuery("UPDATE Message m SET m.enqueuedAt = :now WHERE m.id IN :ids")
        .setParameter("now", Instant.now())
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Accepted messages whose id never reached the queue (the server stopped in between). */
  public List<Long> stranded(Instant acceptedBefore, int limit) {
    return em.createQuery(
            "SELECT m.id FROM Message m WHERE m.status = :queued AND m.enqueuedAt IS NULL"
                + " AND m.createdAt < :before ORDER BY m.id",
            Long.class)
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("before", acceptedBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  private void requireCampaign(Long campaignId) {
    if (campaignId != null && !campaigns.exists(campaignId)) {
      throw new InvalidInput("campaignId", "No campaign with id " + campaignId);
    }
  }
}
