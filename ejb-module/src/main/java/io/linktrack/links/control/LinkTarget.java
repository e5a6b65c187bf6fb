package io.linktrack.links.control;

import java.time.Instant;

/**
 * What the redirect needs to know about a short code; small enough to cache millions of. {@code
 * sentAt} is when its message was handed to its channel, {@code messageLinks} how many short links
 * the message has (null and 0 for a link without a message): both tell scanners from people. {@code
 * expiresAt} is kept here, so an expiring link needs no cache invalidation: every click compares it
 * with the clock.
 */
public record LinkTarget(
    long linkId,
    Long messageId,
    String originalUrl,
    Instant sentAt,
    int messageLinks,
    Instant expiresAt,
    boolean retired) {

  /** A link that neither expires nor is retired. */
  public LinkTarget(long linkId, Long messageId, String originalUrl) {
    this(linkId, messageId, originalUrl, null, messageId == null ? 0 : 1, null, false);
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
