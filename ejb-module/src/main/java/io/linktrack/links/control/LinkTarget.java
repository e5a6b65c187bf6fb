package io.linktrack.links.control;

/** What the redirect needs to know about a short code; small enough to cache millions of. */
public record LinkTarget(long linkId, Long messageId, String originalUrl) {}
