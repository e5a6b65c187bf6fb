package io.linktrack.links.boundary;

import io.linktrack.campaigns.boundary.Campaigns;
import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.control.Shortener;
import io.linktrack.links.entity.LinkRetired;
import io.linktrack.links.entity.LinkType;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.links.entity.TrackedLink;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Links on their own: custom links (created, listed and retired through the API) and the listing of
 * every link with its counters.
 */
@Stateless
public class Links {

  @Inject Campaigns campaigns;

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject Shortener shortener;

  @Inject ShortLinks shortLinks;

  @Inject Event<LinkRetired> retirements;

  public LinkView create(CustomLinkDraft draft) {
    Instant now = Instant.now();
    if (draft.campaignId() != null && !campaigns.exists(draft.campaignId())) {
      throw new InvalidInput("campaignId", "No campaign with id " + draft.campaignId());
    }
    ShortCode code = shortener.freshCodes(1).get(0);
    TrackedLink link =
        TrackedLink.custom(
            code, draft.destination(), draft.name(), draft.campaignId(), draft.expiresAt(), now);
    em.persist(link);
    em.flush();
    return LinkView.of(link, shortLinks.baseUrl());
  }

  public LinkView find(long id) {
    return LinkView.of(link(id), shortLinks.baseUrl());
  }

  public Page<LinkView> search(LinkQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (query.type() == LinkType.CUSTOM) {
      where.append(" AND l.messageId IS NULL");
    } else if (query.type() == LinkType.MESSAGE) {
      where.append(" AND l.messageId IS NOT NULL");
    }
    if (query.campaignId() != null) {
      where.append(" AND l.campaignId = :campaignId");
      parameters.put("campaignId", query.campaignId());
    }
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(l) FROM TrackedLink l" + where, Long.class);
    TypedQuery<TrackedLink> page =
        em.createQuery(
                "SELECT l FROM TrackedLink l" + where + " ORDER BY l.createdAt DESC, l.id DESC",
                TrackedLink.class)
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size());
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    String base = shortLinks.baseUrl();
    return new Page<>(
        page.getResultList().stream().map(link -> LinkView.of(link, base)).toList(),
        query.page(),
        query.size(),
        count.getSingleResult());
  }

  /**
   * Retires a custom link: from the commit on, its short URL answers 410 Gone on this server, and
   * on every other server within 30 seconds (the click path re-reads live custom links that often).
   * Its clicks stay counted.
   */
  public void retire(long id) {
    TrackedLink link = link(id);
    link.retire(Instant.now());
    retirements.fire(new LinkRetired(link.code()));
  }

  private TrackedLink link(long id) {
    TrackedLink link = em.find(TrackedLink.class, id);
    if (link == null) {
      throw new NotFound("link", id);
    }
    return link;
  }
}
