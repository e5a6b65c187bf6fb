package io.linktrack.clicks.entity;

/**
 * Why a hit on a short link is not a person's click. Such hits are kept (for audit, and so that a
 * reclassification can change its mind) but count only as bot clicks: they never move {@code
 * clicks}, first or last click, links clicked, and never feed rules.
 */
public enum BotReason {
  /** A HEAD request: link previews and scanners check a link without opening it. */
  HEAD(false),
  /** A browser prefetching or previewing ({@code Sec-Purpose: prefetch} and its relatives). */
  PREFETCH(false),
  /** No user agent at all: every browser sends one, many scripts do not. */
  NO_USER_AGENT(true),
  /** A known previewer, unfurler, crawler or security scanner by its user agent. */
  USER_AGENT(true),
  /** From an address range configured as a scanner's. */
  ADDRESS_RANGE(true),
  /** Within seconds of the message being sent: faster than any person reads it. */
  TOO_SOON(true),
  /** Most links of one message opened at once: a scanner walking the message. */
  BURST(false);

  private final boolean rescorable;

  BotReason(boolean rescorable) {
    this.rescorable = rescorable;
  }

  /**
   * Whether a stored click can be scored again for this signal. The request's method and headers
   * are not stored, and a burst is judged in the moment, so those verdicts stand.
   */
  public boolean rescorable() {
    return rescorable;
  }
}
