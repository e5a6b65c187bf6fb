package io.linktrack.it.links;

import static io.linktrack.it.Linktrack.get;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Custom links, the link list and the exports refuse bad input with a 400 naming the field. */
class LinksBadInputIT {

  static Stream<Arguments> badLinks() {
    return Stream.of(
        Arguments.of("{\"name\":\"x\"}", "url"),
        Arguments.of("{\"url\":\"ftp://example.com/f\",\"name\":\"x\"}", "url"),
        Arguments.of("{\"url\":\"javascript:alert(1)\",\"name\":\"x\"}", "url"),
        Arguments.of(
            "{\"url\":\"https://example.com/" + "a".repeat(4077) + "\",\"name\":\"x\"}", "url"),
        Arguments.of("{\"url\":\"https://example.com/\"}", "name"),
        Arguments.of(
            "{\"url\":\"https://example.com/\",\"name\":\"" + "n".repeat(201) + "\"}", "name"),
        Arguments.of(
            "{\"url\":\"https://example.com/\",\"name\":\"x\",\"campaignId\":\"1\"}", "campaignId"),
        Arguments.of(
            "{\"url\":\"https://example.com/\",\"name\":\"x\",\"campaignId\":999999999}",
            "campaignId"),
        Arguments.of(
            "{\"url\":\"https://example.com/\",\"name\":\"x\",\"expiresAt\":\"tomorrow\"}",
            "expiresAt"),
        Arguments.of(
            "{\"url\":\"https://example.com/\",\"name\":\"x\",\"expiresAt\":\""
                + Instant.now().minusSeconds(60)
                + "\"}",
            "expiresAt"),
        Arguments.of(
            "{\"name\":\"c\",\"utmParameters\":{\"utm_id\":\"x\"}}", "utmParameters.utm_id"));
  }

  @ParameterizedTest
  @MethodSource("badLinks")
  void aBadLinkOrCampaignIsRefused(String body, String field) {
    String path = body.contains("utmParameters") ? "api/campaigns" : "api/links";
    Response response = post(path, body);
    assertEquals(400, response.getStatus(), body);
    assertEquals("application/problem+json", response.getMediaType().toString());
    JsonObject problem = json(response);
    assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("api/links?type=SHORT", "type"),
        Arguments.of("api/links?size=0", "size"),
        Arguments.of("api/links?campaignId=x", "campaignId"),
        Arguments.of("api/exports/links.csv?from=2026-13-01", "from"),
        Arguments.of("api/exports/messages.csv?to=yesterday", "to"),
        Arguments.of("api/exports/links.csv?from=2026-11-24&to=2026-11-23", "from"),
        Arguments.of(
            "api/exports/messages.csv?from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", "from"),
        Arguments.of("api/exports/messages.csv?campaignId=1.5", "campaignId"));
  }

  @ParameterizedTest
  @MethodSource("badQueries")
  void aBadQueryParameterIsRefused(String path, String field) {
    Response response = get(path);
    assertEquals(400, response.getStatus(), path);
    assertEquals("application/problem+json", response.getMediaType().toString());
    assertEquals(field, json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
