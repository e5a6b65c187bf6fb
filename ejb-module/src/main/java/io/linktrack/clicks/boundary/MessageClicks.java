package io.linktrack.clicks.boundary;

import io.linktrack.clicks.entity.Click;
import io.linktrack.links.boundary.MessageLinks;
import io.linktrack.messages.boundary.MessageQueries;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hits on one message's links, people's and bots', as the message's click listing shows them.
 */
@Stateless
public class MessageClicks {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject MessageQueries messages;

  @Inject MessageLinks links;

  /** Newest first. */
  public Page<ClickView> of(long messageId, int page, int size) {
    Page.check(page, size);
    messages.requireExists(messageId);
    Map<Long, MessageLinks.Link> byId = new HashMap<>();
    links.of(messageId).forEach(link -> byId.put(link.id(), link));
    List<ClickView> items =
        em.createQuery(
                "SELECT c FROM Click c WHERE c.messageId = :id ORDER BY c.clickedAt DESC, c.id DESC",
                Click.class)
            .setParameter("id", messageId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(
                click -> {
                  MessageLinks.Link link = byId.get(click.linkId());
                  return ClickView.of(click, link.originalUrl(), link.shortUrl());
                })
            .toList();
    long total =
        em.createQuery("SELECT COUNT(c) FROM Click c WHERE c.messageId = :id", Long.class)
            .setParameter("id", messageId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }
}
