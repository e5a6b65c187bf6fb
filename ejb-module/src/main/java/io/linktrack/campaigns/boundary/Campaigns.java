package io.linktrack.campaigns.boundary;

import io.linktrack.campaigns.entity.Campaign;
import io.linktrack.campaigns.entity.UtmParameters;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Stateless
public class Campaigns {

  /** A campaign as the API shows it. */
  public record CampaignView(
      long id,
      String name,
      boolean trackLinks,
      Map<String, String> utmParameters,
      Instant createdAt) {
    static CampaignView of(Campaign campaign) {
      return new CampaignView(
          campaign.id(),
          campaign.name(),
          campaign.tracksLinks(),
          campaign.utmParameters().asMap(),
          campaign.createdAt());
    }
  }

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  /** Whether a campaign of this id exists (messages and links may only name one that does). */
  public boolean exists(long campaignId) {
    return em.find(Campaign.class, campaignId) != null;
  }

  public CampaignView create(String name, Boolean trackLinks, UtmParameters utmParameters) {
    Campaign campaign =
        new Campaign(name, trackLinks == null || trackLinks, utmParameters, Instant.now());
    em.persist(campaign);
    em.flush();
    return CampaignView.of(campaign);
  }

  /**
   * The campaign's report, read from counters the click path keeps up to date: one campaign row and
   * one page of its URL rows, however many messages and clicks it has.
   */
  public CampaignReport report(long id, int page, int size) {
    Page.check(page, size);
    List<?> found =
        em.createNativeQuery(
                "SELECT NAME, MESSAGES_SENT, MESSAGES_CLICKED, CLICKS, BOT_CLICKS FROM LT_CAMPAIGN"
                    + " WHERE ID = ?")
            .setParameter(1, id)
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFound("campaign", id);
    }
    Object[] campaign = (Object[]) found.get(0);
    long sent = number(campaign[1]);
    long clicked = number(campaign[2]);
    List<CampaignReport.UrlLine> links = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT ORIGINAL_URL, CLICKS, UNIQUE_CLICKS, BOT_CLICKS FROM LT_CAMPAIGN_URL"
                    + " WHERE CAMPAIGN_ID = ? ORDER BY CLICKS DESC, URL_KEY")
            .setParameter(1, id)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()) {
      Object[] line = (Object[]) row;
      links.add(
          new CampaignReport.UrlLine(
              (String) line[0], number(line[1]), number(line[2]), number(line[3])));
    }
    long linksTotal =
        number(
            em.createNativeQuery("SELECT COUNT(*) FROM LT_CAMPAIGN_URL WHERE CAMPAIGN_ID = ?")
                .setParameter(1, id)
                .getSingleResult());
    return new CampaignReport(
        id,
        (String) campaign[0],
        sent,
        clicked,
        sent == 0 ? 0 : (double) clicked / sent,
        number(campaign[3]),
        clicked,
        number(campaign[4]),
        links,
        page,
        size,
        linksTotal);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  public CampaignView find(long id) {
    Campaign campaign = em.find(Campaign.class, id);
    if (campaign == null) {
      throw new NotFound("campaign", id);
    }
    return CampaignView.of(campaign);
  }
}
