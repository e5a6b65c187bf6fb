package io.linktrack.rules.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Linktrack-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the exact
 * body bytes, keyed with the webhook's secret. The receiver recomputes it to know the alert came
 * from Linktrack and was not changed on the way (the scheme GitHub and Stripe webhooks use).
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Linktrack-Signature";

  private WebhookSignature() {}

  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
