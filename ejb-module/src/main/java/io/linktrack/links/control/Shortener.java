package io.linktrack.links.control;

import io.linktrack.links.entity.ShortCode;
import io.linktrack.links.entity.TrackedLink;
import io.linktrack.messages.entity.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every distinct http/https URL of a message its own short link and rewrites the body. Runs
 * inside the caller's transaction: the links and the rewritten body are stored together or not at
 * all, so a message never ends up with two sets of links.
 */
@ApplicationScoped
public class Shortener {

  /** The rewritten body and the links it now contains, in order of first appearance. */
  public record Shortened(String body, List<TrackedLink> links) {}

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ShortLinks shortLinks;

  @Inject
  @ConfigProperty(name = "linktrack.links.code-length", defaultValue = "8")
  int codeLength;

  public Shortened shorten(Message message, Instant now) {
    BodyFormat format = BodyFormat.of(message.channel().isEmail(), message.body());
    // A URL longer than a browser will follow stays as written: it cannot be a working link.
    List<String> urls =
        LinkRewriter.trackableUrls(message.body(), format).stream()
            .filter(url -> url.length() <= TrackedLink.MAX_URL)
            .toList();
    if (urls.isEmpty()) {
      return new Shortened(message.body(), List.of());
    }
    List<ShortCode> codes = freshCodes(urls.size());
    Map<String, TrackedLink> byUrl = new HashMap<>();
    List<TrackedLink> links = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      TrackedLink link = new TrackedLink(codes.get(i), message, urls.get(i), i, now);
      em.persist(link);
      byUrl.put(urls.get(i), link);
      links.add(link);
    }
    String rewritten =
        LinkRewriter.rewrite(
            message.body(),
            format,
            url -> {
              TrackedLink link = byUrl.get(url);
              return link == null ? url : link.shortUrl(shortLinks.baseUrl());
            });
    return new Shortened(rewritten, links);
  }

  /**
   * Random codes not yet in use. Collisions are rare (47 bits at 8 characters) but possible, so the
   * candidates are checked in one query; the unique constraint is the final guard.
   */
  private List<ShortCode> freshCodes(int count) {
    Set<String> chosen = new HashSet<>();
    while (chosen.size() < count) {
      Set<String> candidates = new HashSet<>();
      while (candidates.size() < count - chosen.size()) {
        String candidate = ShortCode.random(random, codeLength).value();
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
