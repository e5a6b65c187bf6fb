package io.linktrack.rules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void theSignatureIsTheHexHmacSha256OfTheBody() {
    // RFC 4231 test case 2
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.of(
            "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anotherSecretOrBodyGivesAnotherSignature() {
    byte[] body = "{\"alertId\":1}".getBytes(StandardCharsets.UTF_8);
    assertNotEquals(WebhookSignature.of("a", body), WebhookSignature.of("b", body));
    assertNotEquals(
        WebhookSignature.of("a", body),
        WebhookSignature.of("a", "{\"alertId\":2}".getBytes(StandardCharsets.UTF_8)));
  }
}
