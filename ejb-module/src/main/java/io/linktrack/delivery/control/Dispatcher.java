package io.linktrack.delivery.control;

import io.linktrack.messages.entity.Message;
import io.linktrack.platform.NotFound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Hands one READY message to its channel and marks it SENT, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Dispatcher {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject DeliveryChannel channel;

  public void send(long messageId) {
    Message message = locked(messageId);
    if (message.awaitsDelivery()) {
      channel.deliver(message);
      message.markSent(Instant.now());
      if (message.campaignId() != null) {
        // the campaign report's "messages sent", counted here rather than over its messages
        em.createNativeQuery(
                "UPDATE LT_CAMPAIGN SET MESSAGES_SENT = MESSAGES_SENT + 1 WHERE ID = ?")
            .setParameter(1, message.campaignId())
            .executeUpdate();
      }
    }
  }

  public void fail(long messageId, String reason) {
    locked(messageId).markFailed(reason);
  }

  private Message locked(long messageId) {
    Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
    if (message == null) {
      throw new NotFound("message", messageId);
    }
    return message;
  }
}
