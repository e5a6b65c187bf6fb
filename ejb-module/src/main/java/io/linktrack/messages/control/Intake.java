package io.linktrack.messages.control;

import io.linktrack.campaigns.entity.Campaign;
import io.linktrack.messages.entity.Batch;
import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.messages.entity.OutboundDraft;
import io.linktrack.platform.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores accepted messages, each call in a transaction of its own: a message is durable before its
 * id goes on the queue, and a bulk send is stored chunk by chunk so that no transaction grows with
 * the number of recipients.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Intake {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  public Message accept(OutboundDraft draft) {
    requireCampaign(draft.campaignId());
    Message message = new Message(draft, Instant.now());
    em.persist(message);
    return message;
  }

  public Batch openBatch(BulkDraft bulk) {
    requireCampaign(bulk.campaignId());
    Batch batch = new Batch(bulk.size(), bulk.campaignId(), Instant.now());
    em.persist(batch);
    return batch;
  }

  /** Stores the messages of recipients [from, to) of a bulk send and answers their ids. */
  public List<Long> acceptChunk(BulkDraft bulk, long batchId, int from, int to) {
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
    if (campaignId != null && em.find(Campaign.class, campaignId) == null) {
      throw new InvalidInput("campaignId", "No campaign with id " + campaignId);
    }
  }
}
