package io.linktrack.links.control;

import java.time.Instant;

/**
 * What the redirect needs to know about a short code; small enough to cache millions of. {@code
 * sentAt} is when its message was handed to its channel (null for a link without a message).
 */
public record LinkTarget(long linkId, Long messageId, String originalUrl, Instant sentAt) {}
