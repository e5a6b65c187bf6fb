package io.linktrack.messages.boundary;

import io.linktrack.messages.control.Intake;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every hour, forgets the Idempotency-Keys past their retention. Not persistent: an expired key is
 * ignored (and replaced) when it is used again, so a missed run only leaves rows a little longer.
 */
@Singleton
public class IdempotencyKeySweep {

  @Inject Intake intake;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void sweep() {
    intake.forgetExpiredKeys();
  }
}
