package io.linktrack.it.links;

import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Standalone links: created, clicked, listed, retired (410), and expired (fallback URL). */
public class CustomLinksIT {

  /** The IT server's linktrack.links.expired-fallback-url (ear/pom.xml). */
  static final String FALLBACK = "https://fallback.example.com/expired";

  public static JsonObject createLink(String url, String name, String extra) {
    Response response =
        post("api/links", "{\"url\":" + quote(url) + ",\"name\":" + quote(name) + extra + "}");
    assertEquals(201, response.getStatus(), "the custom link should be created");
    JsonObject link = json(response);
    assertEquals(
        Linktrack.BASE + "/api/links/" + link.getJsonNumber("id").longValue(),
        response.getLocation().toString());
    return link;
  }

  public static JsonObject awaitLinkClicks(long id, long clicks) {
    return await(
        "link " + id + " to show " + clicks + " clicks",
        () -> getJson("api/links/" + id),
        link -> link.getJsonNumber("clicks").longValue() == clicks,
        Duration.ofSeconds(10));
  }

  private static boolean listed(String query, long id) {
    return getJson("api/links?" + query).getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .anyMatch(item -> item.getJsonNumber("id").longValue() == id);
  }

  @Test
  void aCustomLinkRedirectsCountsIsListedAndAnswers410OnceRetired() {
    String url = "https://poster.example.com/autumn?ref=" + UUID.randomUUID();
    JsonObject link = createLink(url, "Poster, Main St.", "");
    long id = link.getJsonNumber("id").longValue();
    assertEquals("CUSTOM", link.getString("type"));
    assertEquals("Poster, Main St.", link.getString("name"));
    assertEquals(url, link.getString("originalUrl"));
    assertTrue(link.isNull("messageId"));
    String shortUrl = link.getString("shortUrl");
    assertTrue(shortUrl.startsWith(Linktrack.BASE + "/"), "short URL on the configured base");

    Response redirect = click(shortUrl);
    assertEquals(302, redirect.getStatus(), "a custom link redirects like any short link");
    assertEquals(url, redirect.getHeaderString("Location"));
    JsonObject clicked = awaitLinkClicks(id, 1);
    assertFalse(clicked.isNull("firstClick"));

    assertTrue(listed("type=CUSTOM&size=500", id), "listed among the custom links");
    assertTrue(listed("type=custom&size=500", id), "the type is read in any case");
    assertFalse(listed("type=MESSAGE&size=500", id), "not a message link");
    JsonObject page = getJson("api/links?type=CUSTOM&size=1");
    assertEquals(1, page.getJsonArray("items").size());
    assertTrue(page.getJsonNumber("total").longValue() >= 1);

    Response retired =
        Linktrack.client().target(Linktrack.BASE + "/api/links/" + id).request().delete();
    assertEquals(204, retired.getStatus());
    Response again =
        Linktrack.client().target(Linktrack.BASE + "/api/links/" + id).request().delete();
    assertEquals(204, again.getStatus(), "retiring twice changes nothing");

    Response gone = click(shortUrl);
    assertEquals(410, gone.getStatus(), "a retired link answers 410 Gone at once");
    assertTrue(gone.getMediaType().toString().startsWith("text/html"));
    assertEquals("no-store", gone.getHeaderString("Cache-Control"));
    String page410 = gone.readEntity(String.class);
    assertTrue(page410.contains("Link no longer available"), page410);
    assertFalse(page410.contains(shortUrl.substring(shortUrl.lastIndexOf('/') + 1)));
    Response head = Linktrack.client().target(shortUrl).request().head();
    assertEquals(410, head.getStatus(), "HEAD gets the same answer");

    JsonObject history = getJson("api/links/" + id);
    assertEquals(1, history.getJsonNumber("clicks").longValue(), "its history stays");
    assertFalse(history.isNull("retiredAt"));
    assertTrue(listed("type=CUSTOM&size=500", id), "a retired link stays listed");
  }

  @Test
  void aMessageLinkCannotBeRetired() {
    long campaignId = Linktrack.createCampaign("Retire test", true).getJsonNumber("id").longValue();
    JsonObject sent =
        Linktrack.awaitStatus(
            Linktrack.send(
                    "{\"channel\":\"SMS\",\"to\":\"+15550142\",\"campaignId\":"
                        + campaignId
                        + ",\"body\":\"See https://m.example.com/x\"}")
                .getJsonNumber("id")
                .longValue(),
            "SENT");
    String shortUrl = Linktrack.strings(sent.getJsonArray("shortLinks")).get(0);
    JsonObject page = getJson("api/links?campaignId=" + campaignId);
    assertEquals(1, page.getJsonNumber("total").longValue(), "the campaign's one message link");
    JsonObject link = page.getJsonArray("items").getJsonObject(0);
    assertEquals(shortUrl, link.getString("shortUrl"));
    assertEquals("MESSAGE", link.getString("type"));
    assertEquals(campaignId, link.getJsonNumber("campaignId").longValue());
    assertEquals(sent.getJsonNumber("id").longValue(), link.getJsonNumber("messageId").longValue());

    Response refused =
        Linktrack.client()
            .target(Linktrack.BASE + "/api/links/" + link.getJsonNumber("id"))
            .request()
            .delete();
    assertEquals(409, refused.getStatus());
    assertEquals("urn:linktrack:problem:conflict", json(refused).getString("type"));
    assertEquals(302, click(shortUrl).getStatus(), "the message link keeps working");
  }

  @Test
  void anExpiredLinkSendsItsVisitorsToTheFallbackUrlUncounted() throws InterruptedException {
    String url = "https://flash.example.com/sale";
    Instant expiresAt = Instant.now().plusSeconds(3);
    JsonObject link = createLink(url, "Flash sale", ",\"expiresAt\":\"" + expiresAt + "\"");
    long id = link.getJsonNumber("id").longValue();
    assertEquals(expiresAt, Instant.parse(link.getString("expiresAt")));
    String shortUrl = link.getString("shortUrl");

    assertEquals(url, click(shortUrl).getHeaderString("Location"), "live until it expires");
    awaitLinkClicks(id, 1);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 200);
    Response expired = click(shortUrl);
    assertEquals(302, expired.getStatus(), "an expired link redirects to the fallback URL");
    assertEquals(FALLBACK, expired.getHeaderString("Location"));
    assertEquals("no-store", expired.getHeaderString("Cache-Control"));

    Thread.sleep(1000); // a click, had it been recorded, would be counted by now
    assertEquals(
        1,
        getJson("api/links/" + id).getJsonNumber("clicks").longValue(),
        "a visit after expiry does not reach the destination and is not a click");
  }

  @Test
  void anUnknownCodeStillAnswers404() {
    assertEquals(404, click(Linktrack.BASE + "/zzzzzzzzzzzzzzzz").getStatus());
  }
}
