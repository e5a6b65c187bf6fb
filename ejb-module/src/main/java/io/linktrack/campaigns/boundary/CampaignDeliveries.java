package io.linktrack.campaigns.boundary;

import io.linktrack.campaigns.entity.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What the outbound path asks of a campaign: whether its messages' links are tracked and with which
 * UTM parameters, and counting its messages as they are sent.
 */
@ApplicationScoped
public class CampaignDeliveries {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  public Optional<Campaign> find(long campaignId) {
    return Optional.ofNullable(em.find(Campaign.class, campaignId));
  }

  /**
   * The campaign report's "messages sent", counted as each message is handed to its channel rather
   * than over the campaign's messages when the report is read. In the caller's transaction, the one
   * that marks the message SENT, so each message counts exactly once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countSent(long campaignId) {
    em.createNativeQuery("UPDATE LT_CAMPAIGN SET MESSAGES_SENT = MESSAGES_SENT + 1 WHERE ID = ?")
        .setParameter(1, campaignId)
        .executeUpdate();
  }
}
