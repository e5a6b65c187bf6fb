package io.linktrack.it.platform;

import static io.linktrack.it.Linktrack.get;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import io.linktrack.it.links.CustomLinksIT;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing a client sends comes back where a browser would run it: the redirect's pages are fixed
 * text, problem details never quote input, and records holding HTML (link names, message bodies)
 * come back as JSON or CSV that a browser is told not to sniff.
 */
class EscapingIT {

  static Stream<String> payloads() {
    return Stream.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>");
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertNoMarkup(Response response, String expectedType) {
    assertTrue(
        response.getMediaType().toString().startsWith(expectedType),
        "content type " + response.getMediaType());
    assertEquals("nosniff", response.getHeaderString("X-Content-Type-Options"));
    String body = response.readEntity(String.class);
    assertFalse(body.contains("<script"), "the answer echoes a script tag: " + body);
    assertFalse(body.contains("<img"), "the answer echoes an img tag: " + body);
    assertFalse(body.contains("onerror"), "the answer echoes an event handler: " + body);
  }

  /**
   * A path with an encoded slash ({@code %2F}, as in {@code </script>}) is refused by Liberty
   * before any application sees it: 400 with Liberty's own page, which HTML-escapes the path.
   */
  private static boolean refusedByLiberty(String payload, Response response) {
    if (!payload.contains("/") || response.getStatus() != 400) {
      return false;
    }
    String page = response.readEntity(String.class);
    assertFalse(page.contains("<script"), "Liberty's page echoes a script tag: " + page);
    assertFalse(page.contains("<img"), "Liberty's page echoes an img tag: " + page);
    return true;
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void theRedirectsNotFoundPageIsFixedText(String payload) {
    Response response = get(encoded(payload));
    if (response.getStatus() == 429) {
      response.close();
    } else if (!refusedByLiberty(payload, response)) {
      // (429: AbuseResistanceIT left this address barred for a moment; that answer is checked too)
      assertEquals(404, response.getStatus());
      assertTrue(
          response.getHeaderString("Content-Security-Policy").contains("default-src 'none'"),
          "the page may run nothing");
      assertNoMarkup(response, "text/html");
    }
    Response withQuery = get("AbCdEf12?x=" + encoded(payload));
    assertTrue(withQuery.getStatus() == 404 || withQuery.getStatus() == 429);
    assertNoMarkup(withQuery, withQuery.getStatus() == 404 ? "text/html" : "application/problem");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void problemsAboutPathsAndQueryParametersQuoteNoInput(String payload) {
    for (String path :
        new String[] {
          "api/messages/" + encoded(payload),
          "api/links/" + encoded(payload),
          "api/messages?status=" + encoded(payload),
          "api/messages?from=" + encoded(payload),
          "api/links?type=" + encoded(payload),
          "api/exports/links.csv?campaignId=" + encoded(payload),
          "api/" + encoded(payload)
        }) {
      Response response = get(path);
      if (!path.contains("?") && refusedByLiberty(payload, response)) {
        continue;
      }
      assertTrue(
          response.getStatus() == 400 || response.getStatus() == 404,
          path + " answered " + response.getStatus());
      assertNoMarkup(response, "application/problem+json");
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void problemsAboutBodiesQuoteNoInput(String payload) {
    String[][] requests = {
      {"api/messages", "{\"channel\":" + quote(payload) + ",\"to\":\"x\",\"body\":\"hi\"}"},
      {"api/messages", "{\"channel\":\"SMS\",\"to\":" + quote(payload) + ",\"body\":1}"},
      {"api/links", "{\"url\":" + quote(payload) + ",\"name\":\"x\"}"},
      {
        "api/links",
        "{\"url\":\"https://example.com\",\"name\":\"x\",\"expiresAt\":" + quote(payload) + "}"
      },
      {"api/rules", "{\"name\":\"r\",\"scope\":" + quote(payload) + ",\"metric\":\"CLICKS\"}"},
      {
        "api/rules",
        "{\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,"
            + "\"actions\":[{\"type\":\"EMAIL\",\"to\":"
            + quote(payload)
            + ",\"subject\":\"s\"}]}"
      },
      {"api/links", payload},
      {"api/links", "{\"url\":" + payload + "}"}
    };
    for (String[] request : requests) {
      Response response = post(request[0], request[1]);
      assertEquals(400, response.getStatus(), request[1]);
      assertNoMarkup(response, "application/problem+json");
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aLinkNameWithHtmlComesBackAsDataNeverAsMarkup(String payload) {
    String name = payload + " " + UUID.randomUUID();
    JsonObject link =
        CustomLinksIT.createLink("https://example.com/esc?" + UUID.randomUUID(), name, "");
    assertEquals(name, link.getString("name"), "the name is kept exactly as written");

    Response listing = get("api/links/" + link.getJsonNumber("id").longValue());
    assertEquals("application/json", listing.getMediaType().toString());
    assertEquals("nosniff", listing.getHeaderString("X-Content-Type-Options"));
    assertEquals(name, json(listing).getString("name"));

    Response csv = get("api/exports/links.csv");
    assertTrue(csv.getMediaType().toString().startsWith("text/csv"), csv.getMediaType().toString());
    assertEquals("nosniff", csv.getHeaderString("X-Content-Type-Options"));
    assertTrue(csv.getHeaderString("Content-Disposition").startsWith("attachment"));
    String rows = csv.readEntity(String.class);
    assertTrue(rows.contains(payload.replace("\"", "\"\"")), "the name is in the export as text");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aMessageBodyWithHtmlComesBackAsJsonText(String payload) {
    String body = "Hi " + payload + " see https://example.com/esc";
    Response accepted =
        post(
            "api/messages",
            "{\"channel\":\"SMS\",\"to\":\"+15550199\",\"body\":" + quote(body) + "}");
    assertEquals(202, accepted.getStatus());
    assertEquals("application/json", accepted.getMediaType().toString());
    assertEquals("nosniff", accepted.getHeaderString("X-Content-Type-Options"));
    JsonObject message = json(accepted);
    assertEquals(body, message.getString("body"));
    JsonObject sent = Linktrack.awaitStatus(message.getJsonNumber("id").longValue(), "SENT");
    assertTrue(sent.getString("trackedBody").startsWith("Hi " + payload + " see "));
  }
}
