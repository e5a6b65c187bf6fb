package io.linktrack.messages.control;

import io.linktrack.campaigns.boundary.CampaignDeliveries;
import io.linktrack.campaigns.boundary.Campaigns;
import io.linktrack.campaigns.entity.Campaign;
import io.linktrack.links.boundary.MessageLinks;
import io.linktrack.messages.entity.InboundRecord;
import io.linktrack.messages.entity.Message;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The preparation stage: turns an outbound record into a READY message with its short links, in a
 * database transaction of its own. Idempotent: the message row is locked first, and a message that
 * is no longer QUEUED is left as it is, so a redelivered or duplicated record can never give a
 * message a second set of links.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MessagePreparation {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject MessageLinks links;

  @Inject CampaignDeliveries campaigns;

  @Inject Campaigns campaignRecords;

  @Inject
  @ConfigProperty(name = "linktrack.tracking.enabled", defaultValue = "true")
  boolean trackingEnabled;

  /** Prepares the record's message and answers its id. */
  public long prepare(InboundRecord record) {
    Message message = messageOf(record);
    if (message.awaitsPreparation()) {
      Campaign campaign =
          message.campaignId() == null ? null : campaigns.find(message.campaignId()).orElse(null);
      if (tracksLinks(message, campaign)) {
        String utm = campaign == null ? "" : campaign.utmParameters().query();
        MessageLinks.Shortened shortened =
            links.shorten(
                message.id(),
                message.campaignId(),
                message.channel().isEmail(),
                message.body(),
                utm,
                Instant.now());
        message.markReady(shortened.body());
        // The message row is written before its links, the order in which a reader of the
        // message reads them: the other order lets a reader and this preparation deadlock.
        em.flush();
        links.store(shortened);
      } else {
        message.markReady(message.body());
      }
    }
    return message.id();
  }

  /** Parks the record's message as FAILED after its last attempt. */
  public void fail(InboundRecord record, String reason) {
    messageOf(record).markFailed(reason);
  }

  private Message messageOf(InboundRecord record) {
    if (record instanceof InboundRecord.Stored stored) {
      Message message = em.find(Message.class, stored.messageId(), LockModeType.PESSIMISTIC_WRITE);
      if (message == null) {
        throw new NotFound("message", stored.messageId());
      }
      return message;
    }
    InboundRecord.Submitted submitted = (InboundRecord.Submitted) record;
    return bySourceKey(submitted.sourceKey()).orElseGet(() -> create(submitted));
  }

  /** A record the CRM put on the queue itself becomes a message the first time it is seen. */
  private Message create(InboundRecord.Submitted submitted) {
    Message created = Message.fromQueue(submitted.draft(), submitted.sourceKey(), Instant.now());
    if (created.campaignId() != null && !campaignRecords.exists(created.campaignId())) {
      throw new InvalidInput("campaignId", "No campaign with id " + created.campaignId());
    }
    em.persist(created);
    return created;
  }

  private Optional<Message> bySourceKey(String sourceKey) {
    return em.createQuery("SELECT m FROM Message m WHERE m.sourceKey = :key", Message.class)
        .setParameter("key", sourceKey)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  private boolean tracksLinks(Message message, Campaign campaign) {
    if (!trackingEnabled) {
      return false;
    }
    return message.wantsTracking(campaign == null || campaign.tracksLinks());
  }
}
