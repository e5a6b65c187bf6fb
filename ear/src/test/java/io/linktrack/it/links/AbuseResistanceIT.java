package io.linktrack.it.links;

import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A public redirector is an abuse target: only http(s) destinations, no header injection through
 * {@code Location}, codes that cannot be guessed, and 429 for an address that keeps guessing.
 */
class AbuseResistanceIT {

  /** The IT server's linktrack.links.miss-limit (ear/pom.xml). */
  private static final int MISS_LIMIT = 40;

  private static void assertProblem(Response response, int status, String field) {
    assertEquals(status, response.getStatus(), "status");
    assertEquals("application/problem+json", response.getMediaType().toString());
    JsonObject problem = json(response);
    if (field != null) {
      assertEquals(
          field,
          problem.getJsonArray("errors").getJsonObject(0).getString("field"),
          "the problem names the field: " + problem);
    }
  }

  static Stream<Arguments> badDestinations() {
    return Stream.of(
        Arguments.of("javascript:alert(document.cookie)"),
        Arguments.of("data:text/html,<script>alert(1)</script>"),
        Arguments.of("ftp://example.com/file"),
        Arguments.of("https://example.com/\r\nSet-Cookie: session=stolen"),
        Arguments.of("https://example.com/\nLocation: https://evil.example"),
        Arguments.of("https://example.com/a b"),
        Arguments.of("https://example.com/\u0000"),
        Arguments.of("https://example.com/" + "a".repeat(4077)));
  }

  @ParameterizedTest
  @MethodSource("badDestinations")
  void aCustomLinkToAnythingButAPlainHttpUrlIsRefusedNamingTheUrl(String url) {
    Response response =
        post(
            "api/links", "{\"url\":" + quote(url) + ",\"name\":\"bad-" + UUID.randomUUID() + "\"}");
    assertProblem(response, 400, "url");
  }

  @ParameterizedTest
  @MethodSource("badDestinations")
  void aWebhookToAnythingButAPlainHttpUrlIsRefused(String url) {
    Response response =
        post(
            "api/rules",
            "{\"name\":\"hook-"
                + UUID.randomUUID()
                + "\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,"
                + "\"actions\":[{\"type\":\"WEBHOOK\",\"url\":"
                + quote(url)
                + "}]}");
    assertProblem(response, 400, "actions[0].url");
  }

  @Test
  void aMessageWithAUrlTooLongToBeALinkIsRefusedNamingTheBody() {
    String tooLong = "https://example.com/p?q=" + "x".repeat(4100);
    Response response =
        post(
            "api/messages",
            "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"Hi\",\"body\":"
                + quote("Read " + tooLong + " today")
                + "}");
    assertProblem(response, 400, "body");

    Response bulk =
        post(
            "api/messages/bulk",
            "{\"channel\":\"EMAIL\",\"subject\":\"Hi\",\"body\":"
                + quote("Hi {{name}}: https://example.com/" + "y".repeat(4100))
                + ",\"recipients\":[{\"to\":\"ann@example.com\"}]}");
    assertProblem(bulk, 400, "body");
  }

  @Test
  void anHtmlEmailWhoseLinkDecodesToALineBreakIsRefused() {
    Response response =
        post(
            "api/messages",
            "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"Hi\",\"body\":"
                + quote(
                    "<html><body><a href=\"https://example.com/&#13;&#10;Set-Cookie:x=1\">x</a>"
                        + "</body></html>")
                + "}");
    assertProblem(response, 400, "body");
  }

  @Test
  void newCodesCarryATagAndAGuessedOneIsA404() {
    JsonObject link =
        CustomLinksIT.createLink(
            "https://example.com/tagged?" + UUID.randomUUID(), "Tagged " + UUID.randomUUID(), "");
    String shortUrl = link.getString("shortUrl");
    String code = shortUrl.substring(shortUrl.lastIndexOf('/') + 1);
    assertTrue(
        code.matches("[0-9A-Za-z]{10}"), "8 random characters and a 2-character tag: " + code);
    assertEquals(302, click(shortUrl).getStatus());

    // the same random part with another tag: refused by the check alone
    String wrongTag = code.substring(0, 8) + (code.charAt(8) == 'a' ? 'b' : 'a') + code.charAt(9);
    Response guessed = click(Linktrack.BASE + "/" + wrongTag);
    assertTrue(guessed.getStatus() == 404 || guessed.getStatus() == 429, "a guess never redirects");
    guessed.close();
  }

  /**
   * Past the limit, an address's misses get 429 with Retry-After; its clicks on real links still
   * redirect (many people behind one NAT must not lose their clicks to one guesser); once the
   * penalty is over, a miss is a plain 404 again.
   */
  @Test
  void manyMissesFromOneAddressAre429ForAWhileYetRealLinksStillRedirect() throws Exception {
    JsonObject link =
        CustomLinksIT.createLink(
            "https://example.com/office?" + UUID.randomUUID(), "Office " + UUID.randomUUID(), "");
    Response tooMany = null;
    int misses = 0;
    for (; misses <= MISS_LIMIT + 1 && tooMany == null; misses++) {
      // half guessed with a tag, half looked like the old 8-character codes
      String guess =
          misses % 2 == 0
              ? UUID.randomUUID().toString().replace("-", "").substring(0, 10)
              : UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      Response response = click(Linktrack.BASE + "/" + guess);
      if (response.getStatus() == 429) {
        tooMany = response;
      } else {
        assertEquals(404, response.getStatus(), "a miss under the limit is a 404");
        response.close();
      }
    }
    assertNotNull(tooMany, "after " + misses + " misses the address should get 429");
    assertEquals("application/problem+json", tooMany.getMediaType().toString());
    String retryAfter = tooMany.getHeaderString("Retry-After");
    assertNotNull(retryAfter, "429 says when to retry");
    int seconds = Integer.parseInt(retryAfter);
    assertTrue(seconds >= 1 && seconds <= 3, "Retry-After within the penalty: " + seconds);
    assertEquals(429, json(tooMany).getInt("status"));

    Response real = click(link.getString("shortUrl"));
    assertEquals(302, real.getStatus(), "a real link still redirects from a penalised address");
    assertTrue(real.getHeaderString("Location").startsWith("https://example.com/office?"));
    real.close();
    Response still = click(Linktrack.BASE + "/Zz9Yy8Xx7W");
    assertEquals(429, still.getStatus(), "still barred");
    still.close();

    Thread.sleep(seconds * 1000L + 300);
    Response after = click(Linktrack.BASE + "/Zz9Yy8Xx7V");
    assertEquals(404, after.getStatus(), "after Retry-After a miss is a 404 again");
    after.close();
  }
}
