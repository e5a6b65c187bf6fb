package io.linktrack.messages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.linktrack.platform.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotentRequestTest {

  private static final String BODY = "{\"channel\":\"SMS\",\"to\":\"+1555\",\"body\":\"Hi\"}";

  @Test
  void noHeaderMeansNoIdempotency() {
    assertNull(IdempotentRequest.of(null, "POST /api/messages", BODY));
  }

  @Test
  void theQuotedFormOfTheDraftIsTheSameKey() {
    assertEquals(
        IdempotentRequest.of("8e03978e-40d5-43e8-bc93-6894a57f9324", "POST /api/messages", BODY),
        IdempotentRequest.of(
            "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "POST /api/messages", BODY));
  }

  @Test
  void anotherBodyOrAnotherEndpointIsAnotherRequest() {
    IdempotentRequest first = IdempotentRequest.of("k1", "POST /api/messages", BODY);
    IdempotentRequest again = IdempotentRequest.of("k1", "POST /api/messages", BODY);
    IdempotentRequest otherBody = IdempotentRequest.of("k1", "POST /api/messages", BODY + " ");
    IdempotentRequest otherEndpoint = IdempotentRequest.of("k1", "POST /api/messages/bulk", BODY);
    IdempotencyKey stored =
        IdempotencyKey.forMessage(first, 7, Instant.EPOCH, Duration.ofHours(24));
    assertEquals(true, stored.answers(again), "the same request again is a retry");
    assertEquals(false, stored.answers(otherBody), "one more byte is another request");
    assertEquals(false, stored.answers(otherEndpoint), "a bulk send is not a message");
    assertNotEquals(first.fingerprint(), otherEndpoint.fingerprint());
  }

  @Test
  void aKeyIsForgottenAfterItsRetention() {
    IdempotencyKey stored =
        IdempotencyKey.forBatch(
            IdempotentRequest.of("k2", "POST /api/messages/bulk", BODY),
            3,
            Instant.parse("2026-11-24T00:00:00Z"),
            Duration.ofHours(24));
    assertEquals(false, stored.isExpired(Instant.parse("2026-11-24T23:59:59Z")));
    assertEquals(true, stored.isExpired(Instant.parse("2026-11-25T00:00:00Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "\"\"", "a key", "schlüssel", "tab\there"})
  void aKeyIsOneTo255VisibleAsciiCharacters(String key) {
    InvalidInput e =
        assertThrows(
            InvalidInput.class, () -> IdempotentRequest.of(key, "POST /api/messages", BODY));
    assertEquals("Idempotency-Key", e.field());
  }

  @Test
  void aKeyOf256CharactersIsTooLong() {
    IdempotentRequest.of("k".repeat(255), "POST /api/messages", BODY);
    assertThrows(
        InvalidInput.class,
        () -> IdempotentRequest.of("k".repeat(256), "POST /api/messages", BODY));
  }
}
