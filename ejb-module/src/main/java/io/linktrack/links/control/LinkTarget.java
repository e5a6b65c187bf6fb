package io.linktrack.links.control;

import java.time.Instant;

/**
 * What the redirect needs to know about a short code; small enough to cache millions of. {@code
 * sentAt} is when its message was handed to its channel, {@code messageLinks} how many short links
 * the message has (null and 0 for a link without a message): both tell scanners from people.
 */
public record LinkTarget(
    long linkId, Long messageId, String originalUrl, Instant sentAt, int messageLinks) {}
