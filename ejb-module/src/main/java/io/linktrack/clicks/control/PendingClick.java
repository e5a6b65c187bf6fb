package io.linktrack.clicks.control;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Click;
import io.linktrack.links.entity.LinkTarget;
import java.time.Instant;

/**
 * A hit on its way to the database: a person's click ({@code bot} null) or a bot's hit with its
 * reason. It is in the {@link ClickJournal} before its redirect is answered.
 */
public record PendingClick(
    LinkTarget target,
    Instant at,
    String userAgent,
    String referrer,
    String clientAddress,
    BotReason bot) {

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
        bot);
  }

  public boolean human() {
    return bot == null;
  }

  /** The same hit, judged a bot's after all (a burst is only seen once it is over). */
  public PendingClick judged(BotReason reason) {
    return new PendingClick(target, at, userAgent, referrer, clientAddress, reason);
  }

  private static String cut(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
