package io.linktrack.campaigns.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The campaign report's "messages sent", counted as each message is handed to its channel rather
 * than over the campaign's messages when the report is read.
 */
@ApplicationScoped
public class CampaignDeliveries {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  /** In the caller's transaction, the one that marks the message SENT: counted exactly once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countSent(long campaignId) {
    em.createNativeQuery("UPDATE LT_CAMPAIGN SET MESSAGES_SENT = MESSAGES_SENT + 1 WHERE ID = ?")
        .setParameter(1, campaignId)
        .executeUpdate();
  }
}
