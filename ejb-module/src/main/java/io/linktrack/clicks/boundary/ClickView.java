package io.linktrack.clicks.boundary;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Click;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * One hit on a message's links as the API shows it: when, which link, on what device, and whether a
 * person or a bot (with the reason). The client address is not shown.
 */
@JsonbNillable
public record ClickView(
    Instant at,
    String url,
    String shortUrl,
    boolean human,
    BotReason botReason,
    String deviceClass,
    String operatingSystem,
    String browser) {

  static ClickView of(Click click, String url, String shortUrl) {
    return new ClickView(
        click.clickedAt(),
        url,
        shortUrl,
        !click.bot(),
        click.botReason(),
        click.deviceClass(),
        click.operatingSystem(),
        click.browser());
  }
}
