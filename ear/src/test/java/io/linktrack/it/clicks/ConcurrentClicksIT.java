package io.linktrack.it.clicks;

import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrentClicksIT {

  @Test
  void fiveHundredParallelClicksAreCountedExactly() {
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550101\",\"body\":\"Go https://example.com/rush"
                + " and https://example.com/calm (or /a https://example.com/a, /b https://example.com/b,"
                + " /c https://example.com/c)\"}");
    JsonObject sent = awaitStatus(accepted.getJsonNumber("id").longValue(), "SENT");
    List<String> links = strings(sent.getJsonArray("shortLinks"));

    // Two of the five links: hits on most links of a message at once would be a scanner's burst.
    // The JDK client follows no redirects by default: each request is exactly one click.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<CompletableFuture<HttpResponse<Void>>> clicks = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String link = links.get(i % 5 == 0 ? 1 : 0); // 400 on the first link, 100 on the second
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).build();
      clicks.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
    }
    long redirected =
        clicks.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 302).count();
    assertEquals(500, redirected, "every click gets its redirect");

    // the message counts exactly the 500 clicks that were redirected, none lost, none doubled
    JsonObject counted = Linktrack.awaitClicks(sent.getJsonNumber("id").longValue(), 500);
    assertEquals(
        List.of("https://example.com/rush", "https://example.com/calm"),
        strings(counted.getJsonArray("linksClicked")).stream()
            .sorted((a, b) -> b.compareTo(a))
            .toList());
  }
}
