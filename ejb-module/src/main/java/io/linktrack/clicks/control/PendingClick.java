package io.linktrack.clicks.control;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Click;
import io.linktrack.links.control.LinkTarget;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A hit that has been seen but not yet stored: a person's click ({@code bot} null) or a bot's hit
 * with its reason. {@link #committed()} completes when the batch holding it is durable, which is
 * when a person gets the redirect.
 */
public record PendingClick(
    LinkTarget target,
    Instant at,
    String userAgent,
    String referrer,
    String clientAddress,
    BotReason bot,
    CompletableFuture<Void> committed) {

  public static PendingClick of(
      LinkTarget target,
      Instant at,
      String userAgent,
      String referrer,
      String clientAddress,
      BotReason bot) {
    return new PendingClick(
        target,
        at,
        cut(userAgent, Click.MAX_USER_AGENT),
        cut(referrer, Click.MAX_REFERRER),
        clientAddress,
        bot,
        new CompletableFuture<>());
  }

  public boolean human() {
    return bot == null;
  }

  /** The same hit, judged a bot's after all (a burst is only seen once it is over). */
  public PendingClick judged(BotReason reason) {
    return new PendingClick(target, at, userAgent, referrer, clientAddress, reason, committed);
  }

  private static String cut(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
