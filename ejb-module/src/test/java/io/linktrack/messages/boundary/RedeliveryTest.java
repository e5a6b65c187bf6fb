package io.linktrack.messages.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.platform.Attempts;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Both queues of the outbound path end a record the same way: rejected when retrying cannot help,
 * retried while attempts are left, parked with its reason on the last one.
 */
class RedeliveryTest {

  private static final Redelivery.Named RECORD = new Redelivery.Named("record 1", "record 1");

  private final List<String> parked = new ArrayList<>();

  private final Redelivery redelivery = new Redelivery();

  {
    redelivery.attempts =
        new Attempts() {
          @Override
          public boolean isLast(int deliveryCount) {
            return deliveryCount >= 5;
          }
        };
  }

  private Optional<Long> attempt(int deliveryCount, RuntimeException failure) {
    return redelivery.attempt(
        RECORD,
        deliveryCount,
        () -> 42L,
        id -> {
          if (failure != null) {
            throw failure;
          }
          return id;
        },
        (id, reason) -> parked.add(id + ": " + reason));
  }

  @Test
  void aRecordThatWorksPassesItsResultOn() {
    assertEquals(Optional.of(42L), attempt(1, null));
    assertTrue(parked.isEmpty());
  }

  @Test
  void aRecordRetryingCannotFixIsRejectedAtOnceAndNothingIsParked() {
    assertEquals(Optional.empty(), attempt(1, new InvalidInput("to", "to is required")));
    assertEquals(Optional.empty(), attempt(1, new NotFound("message", 42)));
    assertTrue(parked.isEmpty());
  }

  @Test
  void aFailureIsRethrownSoTheEngineRedeliversUntilTheLastAttemptParksTheMessage() {
    IllegalStateException failure = new IllegalStateException("connection refused");
    assertThrows(IllegalStateException.class, () -> attempt(4, failure));
    assertTrue(parked.isEmpty(), "a message with attempts left is not parked");
    assertEquals(Optional.empty(), attempt(5, failure));
    assertEquals(List.of("42: IllegalStateException: connection refused"), parked);
  }

  @Test
  void aRecordThatCannotBeReadIsNeverParkedForThereIsNoMessage() {
    assertThrows(
        IllegalStateException.class,
        () ->
            redelivery.attempt(
                RECORD,
                5,
                () -> {
                  throw new IllegalStateException("unreadable");
                },
                id -> id,
                (id, reason) -> parked.add(reason)));
    assertTrue(parked.isEmpty());
  }
}
