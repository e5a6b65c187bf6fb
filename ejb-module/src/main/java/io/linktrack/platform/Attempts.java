package io.linktrack.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often a queued record is tried before it is parked as FAILED. JMS counts deliveries from 1;
 * the messaging engine's own limit is set higher, so the application always gets to park the
 * message with its reason before the engine gives up on it.
 */
@ApplicationScoped
public class Attempts {

  @Inject
  @ConfigProperty(name = "linktrack.processing.max-attempts", defaultValue = "5")
  int maxAttempts;

  public boolean isLast(int deliveryCount) {
    return deliveryCount >= maxAttempts;
  }

  /** What a sender reads as the failure reason: the root cause, not a container wrapper. */
  public static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
