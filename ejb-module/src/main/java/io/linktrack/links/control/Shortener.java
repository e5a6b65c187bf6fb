package io.linktrack.links.control;

import io.linktrack.links.entity.Destination;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.links.entity.TrackedLink;
import io.linktrack.platform.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every distinct http/https URL of a message its own short link and rewrites the body. The
 * caller stores the links and the rewritten body in one transaction, together or not at all, so a
 * message never ends up with two sets of links.
 *
 * <p>The campaign's UTM parameters are added to each destination, never replacing a parameter the
 * URL already has: the sender's own tagging wins. A message link expires after {@code
 * linktrack.links.default-lifetime} when that is set.
 */
@ApplicationScoped
public class Shortener {

  /**
   * The rewritten body and the links it now contains, in order of first appearance; the links are
   * not stored yet.
   */
  public record Shortened(String body, List<TrackedLink> links) {}

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ShortLinks shortLinks;

  @Inject CodeTags tags;

  /** ISO-8601 duration; empty: message links never expire. */
  @Inject
  @ConfigProperty(name = "linktrack.links.default-lifetime")
  Optional<String> defaultLifetime;

  private Duration lifetime;

  /** Instantiating at start checks the lifetime before the first message, not at it. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    lifetime();
  }

  @PostConstruct
  void readLifetime() {
    String text = defaultLifetime.map(String::strip).orElse("");
    if (text.isEmpty()) {
      return;
    }
    try {
      lifetime = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "linktrack.links.default-lifetime must be an ISO-8601 duration such as P30D, not " + text,
          e);
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalStateException("linktrack.links.default-lifetime must be positive");
    }
  }

  /** The lifetime of new message links; null when they never expire. */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Refuses a body with a URL that would be found for shortening but cannot be a destination (over
   * 4,096 characters, say). A sender at the API is told at once rather than having a link silently
   * left untracked; {@code field} is the request's name for the body.
   */
  public static void checkUrls(boolean email, String body, String field) {
    for (String url : LinkRewriter.trackableUrls(body, BodyFormat.of(email, body))) {
      Optional<String> refusal = Destination.refusal(url);
      if (refusal.isPresent()) {
        throw new InvalidInput(
            field, "A URL in " + field + " cannot be tracked: it " + refusal.get());
      }
    }
  }

  /**
   * Shortens the body of message {@code messageId}; its links belong to the message and to its
   * campaign ({@code campaignId}, null for none). {@code utm} is the query of the campaign's UTM
   * parameters, empty for none.
   */
  public Shortened shorten(
      long messageId, Long campaignId, boolean email, String body, String utm, Instant now) {
    BodyFormat format = BodyFormat.of(email, body);
    // A URL that cannot be a destination (longer than a browser follows, a line break decoded
    // from an HTML entity) stays as written: it cannot be a working link, and the message still
    // goes out. The API refuses such a message up front (Messages#submit); a queue record cannot
    // be answered, so it is sent with that one URL untracked.
    List<String> urls =
        LinkRewriter.trackableUrls(body, format).stream().filter(Destination::accepts).toList();
    if (urls.isEmpty()) {
      return new Shortened(body, List.of());
    }
    List<ShortCode> codes = freshCodes(urls.size());
    Map<String, TrackedLink> byUrl = new HashMap<>();
    List<TrackedLink> links = new ArrayList<>();
    Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
    for (int i = 0; i < urls.size(); i++) {
      TrackedLink link =
          new TrackedLink(
              codes.get(i),
              messageId,
              campaignId,
              new Destination(withUtm(urls.get(i), utm)),
              i,
              now,
              expiresAt);
      byUrl.put(urls.get(i), link);
      links.add(link);
    }
    String rewritten =
        LinkRewriter.rewrite(
            body,
            format,
            url -> {
              TrackedLink link = byUrl.get(url);
              return link == null ? url : link.shortUrl(shortLinks.baseUrl());
            });
    return new Shortened(rewritten, links);
  }

  /**
   * The destination with the campaign's UTM parameters added, each only if the URL does not name it
   * already. A URL the parameters would push past the length limit keeps its own query.
   */
  static String withUtm(String url, String utm) {
    if (utm == null || utm.isEmpty()) {
      return url;
    }
    String tagged = RedirectTarget.mergeQuery(url, utm);
    return tagged.length() <= TrackedLink.MAX_URL ? tagged : url;
  }

  /**
   * Random tagged codes not yet in use. Collisions are rare (47 bits in the 8 random characters)
   * but possible, so the candidates are checked in one query; the unique constraint is the final
   * guard.
   */
  public List<ShortCode> freshCodes(int count) {
    Set<String> chosen = new HashSet<>();
    while (chosen.size() < count) {
      Set<String> candidates = new HashSet<>();
      while (candidates.size() < count - chosen.size()) {
        String candidate = tags.random(random).value();
        if (!chosen.contains(candidate)) {
          candidates.add(candidate);
        }
      }
      List<String> taken =
          em.createQuery("SELECT l.code FROM TrackedLink l WHERE l.code IN :codes", String.class)
              .setParameter("codes", candidates)
              .getResultList();
      candidates.removeAll(taken);
      chosen.addAll(candidates);
    }
    return chosen.stream().map(ShortCode::new).toList();
  }
}
