package io.linktrack.links.boundary;

import io.linktrack.links.control.BodyFormat;
import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.control.Shortener;
import io.linktrack.links.entity.TrackedLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The links of messages, for the messages and clicks features: shortening a message's body, and
 * listing a message's links (what they counted is {@link LinksOfMessages}').
 */
@ApplicationScoped
public class MessageLinks {

  /** A message's link as a listing of its clicks names it. */
  public record Link(long id, String originalUrl, String shortUrl) {}

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject Shortener shortener;

  @Inject ShortLinks shortLinks;

  /** True when an email body is read as HTML (only its {@code <a href>} values are links). */
  public static boolean isHtml(boolean email, String body) {
    return BodyFormat.of(email, body) == BodyFormat.HTML;
  }

  /** Refuses a body with a URL that would be found for shortening but cannot be a destination. */
  public static void checkUrls(boolean email, String body, String field) {
    Shortener.checkUrls(email, body, field);
  }

  /** A message's body with its short links, and those links, not stored yet. */
  public record Shortened(String body, List<TrackedLink> links) {}

  /**
   * Gives each URL of a message's body its own short link (codes chosen, nothing stored); {@link
   * #store} stores the links in the transaction that stores the rewritten body.
   */
  public Shortened shorten(
      long messageId, Long campaignId, boolean email, String body, String utm, Instant now) {
    Shortener.Shortened shortened = shortener.shorten(messageId, campaignId, email, body, utm, now);
    return new Shortened(shortened.body(), shortened.links());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void store(Shortened shortened) {
    shortened.links().forEach(em::persist);
  }

  /** A message's links, in order of first appearance in its body. */
  public List<Link> of(long messageId) {
    return em.createQuery(
            "SELECT l FROM TrackedLink l WHERE l.messageId = :id ORDER BY l.position",
            TrackedLink.class)
        .setParameter("id", messageId)
        .getResultStream()
        .map(link -> new Link(link.id(), link.originalUrl(), link.shortUrl(shortLinks.baseUrl())))
        .toList();
  }

  /**
   * "The message has a link a person clicked", as a JPQL condition on the message id {@code
   * messageId} (a path such as {@code m.id}): a message listing filters with it in the same query,
   * without knowing how links are stored.
   */
  public static String clickedCondition(String messageId) {
    return "EXISTS (SELECT l FROM TrackedLink l WHERE l.messageId = "
        + messageId
        + " AND l.clicks > 0)";
  }
}
