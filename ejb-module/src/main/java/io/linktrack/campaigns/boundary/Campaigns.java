package io.linktrack.campaigns.boundary;

import io.linktrack.campaigns.entity.Campaign;
import io.linktrack.campaigns.entity.UtmParameters;
import io.linktrack.platform.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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

  public CampaignView create(String name, Boolean trackLinks, UtmParameters utmParameters) {
    Campaign campaign =
        new Campaign(name, trackLinks == null || trackLinks, utmParameters, Instant.now());
    em.persist(campaign);
    em.flush();
    return CampaignView.of(campaign);
  }

  public CampaignView find(long id) {
    Campaign campaign = em.find(Campaign.class, id);
    if (campaign == null) {
      throw new NotFound("campaign", id);
    }
    return CampaignView.of(campaign);
  }
}
