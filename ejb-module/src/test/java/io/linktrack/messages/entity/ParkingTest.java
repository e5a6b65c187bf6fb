package io.linktrack.messages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.platform.Attempts;
import io.linktrack.platform.JsonFields;
import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A message that keeps failing is parked as FAILED with a reason a sender can read; nothing is
 * dropped silently, and a message that made it is never marked failed afterwards.
 */
class ParkingTest {

  private static Message queued() {
    return new Message(
        OutboundDraft.fromJson(
            JsonFields.parse(
                "{\"channel\":\"SMS\",\"to\":\"+15550100\",\"body\":\"Hi https://example.com\"}",
                "A message")),
        Instant.EPOCH);
  }

  @Test
  void theReasonIsTheRootCauseNotTheContainersWrapper() {
    RuntimeException failure =
        new EJBException(
            "CNTR0019E: EJB threw an unexpected exception",
            new RuntimeException(new SQLException("relation \"lt_outbox\" is full")));
    assertEquals("SQLException: relation \"lt_outbox\" is full", Attempts.reason(failure));
  }

  @Test
  void aQueuedOrReadyMessageIsParkedWithItsReason() {
    Message preparing = queued();
    preparing.markFailed("SQLException: connection refused");
    assertEquals(MessageStatus.FAILED, preparing.status());
    assertEquals("SQLException: connection refused", preparing.failureReason());

    Message delivering = queued();
    delivering.markReady("Hi http://localhost:9080/abcdefgh");
    delivering.markFailed("x".repeat(5000));
    assertEquals(MessageStatus.FAILED, delivering.status());
    assertEquals(1000, delivering.failureReason().length(), "a long reason is cut, not lost");
  }

  @Test
  void aSentMessageStaysSentWhenALateRetryGivesUp() {
    Message sent = queued();
    sent.markReady("Hi");
    sent.markSent(Instant.EPOCH);
    sent.markFailed("a duplicate delivery record on its last attempt");
    assertEquals(MessageStatus.SENT, sent.status());
    assertEquals(null, sent.failureReason());
  }
}
