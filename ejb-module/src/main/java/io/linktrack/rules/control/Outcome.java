package io.linktrack.rules.control;

/** How an attempt at an action went; a failure that retrying cannot mend is not retried. */
public record Outcome(boolean done, String error, boolean retryable) {

  public static Outcome success() {
    return new Outcome(true, null, false);
  }

  public static Outcome retry(String error) {
    return new Outcome(false, error, true);
  }

  public static Outcome giveUp(String error) {
    return new Outcome(false, error, false);
  }
}
