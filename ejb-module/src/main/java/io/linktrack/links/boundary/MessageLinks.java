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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The links of messages, for the messages and clicks features: shortening a message's body, and
 * reading what its links counted. A message keeps no copy of its click fields; they are its links'
 * counters, which the click path keeps exact, so they can never disagree.
 */
@ApplicationScoped
public class MessageLinks {

  /** A message's link as a listing of its clicks names it. */
  public record Link(long id, String originalUrl, String shortUrl) {}

  /** What a message's links counted, in the API's terms. */
  public record Totals(
      long clicks,
      long uniqueClicks,
      long botClicks,
      Instant firstClick,
      Instant lastClick,
      List<String> linksClicked,
      List<String> shortLinks) {

    /** A message without links (not prepared yet, or not tracked). */
    public static final Totals NONE = new Totals(0, 0, 0, null, null, List.of(), List.of());

    /** {@code links} in order of first appearance in the body. */
    static Totals of(List<TrackedLink> links, String shortBaseUrl) {
      return new Totals(
          links.stream().mapToLong(TrackedLink::clicks).sum(),
          links.stream().filter(TrackedLink::wasClicked).count(),
          links.stream().mapToLong(TrackedLink::botClicks).sum(),
          links.stream()
              .map(TrackedLink::firstClick)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null),
          links.stream()
              .map(TrackedLink::lastClick)
              .filter(Objects::nonNull)
              .max(Comparator.naturalOrder())
              .orElse(null),
          // each clicked URL once, in the order of their first click
          links.stream()
              .filter(TrackedLink::wasClicked)
              .sorted(
                  Comparator.comparing(TrackedLink::firstClick)
                      .thenComparingInt(TrackedLink::position))
              .map(TrackedLink::originalUrl)
              .toList(),
          links.stream().map(link -> link.shortUrl(shortBaseUrl)).toList());
    }
  }

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

  /** The totals of each of the messages that has links, in one query for the whole page. */
  public Map<Long, Totals> totals(Collection<Long> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<TrackedLink>> byMessage = new LinkedHashMap<>();
    for (TrackedLink link :
        em.createQuery(
                "SELECT l FROM TrackedLink l WHERE l.messageId IN :ids"
                    + " ORDER BY l.messageId, l.position",
                TrackedLink.class)
            .setParameter("ids", messageIds)
            .getResultList()) {
      byMessage.computeIfAbsent(link.messageId(), id -> new ArrayList<>()).add(link);
    }
    Map<Long, Totals> totals = new LinkedHashMap<>();
    byMessage.forEach((id, links) -> totals.put(id, Totals.of(links, shortLinks.baseUrl())));
    return totals;
  }

  public Totals totals(long messageId) {
    return totals(List.of(messageId)).getOrDefault(messageId, Totals.NONE);
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
