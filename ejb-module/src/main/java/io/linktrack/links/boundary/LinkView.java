package io.linktrack.links.boundary;

import io.linktrack.links.entity.LinkType;
import io.linktrack.links.entity.TrackedLink;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * A link as the API shows it. {@code clicks}, {@code firstClick} and {@code lastClick} are the
 * link's counters of people's clicks, {@code uniqueClicks} is 1 once a person clicked it, {@code
 * botClicks} counts previews and scanners; a retired or expired link keeps them.
 */
@JsonbNillable
public record LinkView(
    long id,
    LinkType type,
    String name,
    String originalUrl,
    String shortUrl,
    Long campaignId,
    Long messageId,
    Instant createdAt,
    Instant expiresAt,
    Instant retiredAt,
    long clicks,
    long uniqueClicks,
    long botClicks,
    Instant firstClick,
    Instant lastClick) {

  static LinkView of(TrackedLink link, String shortBaseUrl) {
    return new LinkView(
        link.id(),
        link.type(),
        link.name(),
        link.originalUrl(),
        link.shortUrl(shortBaseUrl),
        link.campaignId(),
        link.messageId(),
        link.createdAt(),
        link.expiresAt(),
        link.retiredAt(),
        link.clicks(),
        link.uniqueClicks(),
        link.botClicks(),
        link.firstClick(),
        link.lastClick());
  }
}
