package io.linktrack.links.entity;

import java.time.Instant;

/**
 * What the redirect needs to know about a short code; small enough to cache millions of. {@code
 * messageLinks} is how many short links its message has (0 for a link without a message): it tells
 * scanners, which open every link of a message at once, from people. {@code expiresAt} is kept
 * here, so an expiring link needs no cache invalidation: every click compares it with the clock.
 */
public record LinkTarget(
    long linkId,
    Long messageId,
    String originalUrl,
    int messageLinks,
    Instant expiresAt,
    boolean retired) {

  /** A link that neither expires nor is retired. */
  public LinkTarget(long linkId, Long messageId, String originalUrl) {
    this(linkId, messageId, originalUrl, messageId == null ? 0 : 1, null, false);
  }

  /** Whether the link still sends recipients to its destination at {@code now}. */
  public boolean isLiveAt(Instant now) {
    return !retired && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** Only custom links (those without a message) can be retired. */
  public boolean isCustom() {
    return messageId == null;
  }
}
