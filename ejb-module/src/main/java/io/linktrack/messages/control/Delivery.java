package io.linktrack.messages.control;

import io.linktrack.campaigns.boundary.CampaignDeliveries;
import io.linktrack.delivery.boundary.DeliveryChannel;
import io.linktrack.delivery.entity.Outgoing;
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

/**
 * The delivery stage: hands one READY message to its channel and marks it SENT, in a transaction of
 * its own. Idempotent like preparation: the message row is locked first, and a message that is no
 * longer READY is left as it is.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Delivery {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject DeliveryChannel channel;

  @Inject CampaignDeliveries campaigns;

  public void send(long messageId) {
    Message message = locked(messageId);
    if (message.awaitsDelivery()) {
      channel.deliver(outgoing(message));
      message.markSent(Instant.now());
      if (message.campaignId() != null) {
        campaigns.countSent(message.campaignId());
      }
    }
  }

  /** Parks the message as FAILED after its last attempt. */
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

  private static Outgoing outgoing(Message message) {
    return new Outgoing(
        message.id(),
        message.channel().name(),
        message.to(),
        message.from(),
        message.subject(),
        message.trackedBody());
  }
}
