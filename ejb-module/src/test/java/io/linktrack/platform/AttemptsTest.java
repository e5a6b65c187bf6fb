package io.linktrack.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttemptsTest {

  @Test
  void theLastAttemptIsTheConfiguredOne() {
    Attempts attempts = new Attempts();
    attempts.maxAttempts = 5;
    assertFalse(attempts.isLast(4), "the fourth delivery is retried");
    assertTrue(attempts.isLast(5), "the fifth delivery parks the message");
    assertTrue(attempts.isLast(11), "so does any later one, after the engine's own redeliveries");
  }
}
