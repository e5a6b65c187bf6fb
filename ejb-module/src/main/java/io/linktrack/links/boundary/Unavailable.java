package io.linktrack.links.boundary;

/**
 * Why a short code does not lead to its destination, and where a recipient goes instead: nowhere
 * ({@code fallbackUrl} null) or the configured fallback for expired links.
 */
public record Unavailable(Reason reason, String fallbackUrl) {

  public enum Reason {
    /** Malformed, or no link has this code: 404. */
    UNKNOWN,
    /** A custom link that was retired: 410. */
    RETIRED,
    /** Past its expiry: the fallback URL, or 410 when none is configured. */
    EXPIRED
  }
}
