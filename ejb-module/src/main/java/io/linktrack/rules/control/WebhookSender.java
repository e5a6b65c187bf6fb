package io.linktrack.rules.control;

import io.linktrack.platform.Attempts;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs alerts to webhooks. 5 s to connect and 5 s for the answer: a slow receiver must not hold up
 * the others. Any 2xx is success; anything else, or no answer, is retried later. Redirects are not
 * followed (the alert is signed for the URL the admin gave).
 */
@ApplicationScoped
public class WebhookSender {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public Outcome send(Attempt attempt, String apiBaseUrl) {
    byte[] body = AlertPayload.json(attempt, apiBaseUrl).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(attempt.target()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Linktrack-Webhook/1")
            // the same alert may arrive twice (a crash right after sending): receivers dedupe on it
            .header("X-Linktrack-Alert", Long.toString(attempt.alertId()))
            .header("X-Linktrack-Attempt", Integer.toString(attempt.attempt()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (attempt.secret() != null) {
      request.header(WebhookSignature.HEADER, WebhookSignature.of(attempt.secret(), body));
    }
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Outcome.success()
          : Outcome.retry("The webhook answered HTTP " + status);
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.retry(Attempts.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.retry("Interrupted while sending");
    }
  }
}
