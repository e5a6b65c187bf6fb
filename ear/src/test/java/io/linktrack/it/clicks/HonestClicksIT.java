package io.linktrack.it.clicks;

import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.message;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only people count: previews, scanners and prefetches are redirected like anyone, stored with
 * their reason, and counted apart as bot clicks.
 */
class HonestClicksIT {

  private static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  private static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  private static final String OUTLOOK_PREVIEW = "Mozilla/4.0 (compatible; ms-office; MSOffice 16)";

  private static Response hit(String shortUrl, String userAgent, String header, String value) {
    var request = Linktrack.client().target(URI.create(shortUrl)).request();
    if (userAgent != null) {
      request = request.header("User-Agent", userAgent);
    }
    if (header != null) {
      request = request.header(header, value);
    }
    return request.get();
  }

  private static JsonObject awaitBotClicks(long id, long botClicks) {
    return await(
        "message " + id + " to show " + botClicks + " bot clicks",
        () -> message(id),
        m -> m.getJsonNumber("botClicks").longValue() == botClicks,
        Duration.ofSeconds(10));
  }

  @Test
  void previewsScannersAndPrefetchesAreRedirectedButCountOnlyAsBotClicks() {
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550401\",\"body\":"
                + "\"Menu https://bistro.example.com/menu and map https://bistro.example.com/map\"}");
    long id = accepted.getJsonNumber("id").longValue();
    List<String> links = strings(awaitStatus(id, "SENT").getJsonArray("shortLinks"));

    for (Response response :
        List.of(
            hit(links.get(0), SLACK, null, null),
            hit(links.get(0), OUTLOOK_PREVIEW, null, null),
            hit(links.get(1), IPHONE, "Sec-Purpose", "prefetch"),
            Linktrack.client()
                .target(URI.create(links.get(1)))
                .request()
                .header("User-Agent", IPHONE)
                .head())) {
      assertEquals(302, response.getStatus(), "bots are redirected like anyone");
      assertTrue(
          List.of("https://bistro.example.com/menu", "https://bistro.example.com/map")
              .contains(response.getHeaderString("Location")),
          "to the link's own destination");
    }
    JsonObject afterBots = awaitBotClicks(id, 4);
    assertEquals(0, afterBots.getJsonNumber("clicks").longValue(), "no bot hit is a click");
    assertEquals(0, afterBots.getJsonNumber("uniqueClicks").longValue());
    assertTrue(afterBots.isNull("firstClick"), "bots set no first click");
    assertTrue(afterBots.getJsonArray("linksClicked").isEmpty(), "bots click no links");

    Linktrack.pauseLikeAPerson();
    assertEquals(302, hit(links.get(1), IPHONE, null, null).getStatus());
    assertEquals(302, hit(links.get(1), IPHONE, null, null).getStatus());
    JsonObject afterPerson = Linktrack.awaitClicks(id, 2);
    assertEquals(1, afterPerson.getJsonNumber("uniqueClicks").longValue(), "one distinct link");
    assertEquals(4, afterPerson.getJsonNumber("botClicks").longValue());
    assertEquals(
        List.of("https://bistro.example.com/map"),
        strings(afterPerson.getJsonArray("linksClicked")));

    JsonObject clicks = getJson("api/messages/" + id + "/clicks");
    assertEquals(6, clicks.getJsonNumber("total").longValue(), "every hit is kept for audit");
    List<JsonObject> items = clicks.getJsonArray("items").getValuesAs(JsonObject.class);
    JsonObject newest = items.get(0);
    assertTrue(newest.getBoolean("human"));
    assertEquals("https://bistro.example.com/map", newest.getString("url"));
    assertEquals("Phone", newest.getString("deviceClass"), "device parsed from the user agent");
    assertTrue(newest.getString("operatingSystem").startsWith("iOS"), newest.toString());
    assertTrue(newest.getString("browser").startsWith("Safari"), newest.toString());
    assertEquals(
        List.of("HEAD", "PREFETCH", "USER_AGENT", "USER_AGENT"),
        items.subList(2, 6).stream().map(c -> c.getString("botReason")).sorted().toList(),
        "each bot hit says why it is not a click");
  }

  @Test
  void mostLinksOfAMessageOpenedAtOnceAreAScannersBurstNotClicks() {
    JsonObject accepted =
        send(
            "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"Offers\",\"body\":"
                + "\"Shoes https://shop.example.com/s, hats https://shop.example.com/h,"
                + " bags https://shop.example.com/b\"}");
    long id = accepted.getJsonNumber("id").longValue();
    List<String> links = strings(awaitStatus(id, "SENT").getJsonArray("shortLinks"));

    // a gateway's scanner with a browser's user agent opens all three links at once
    for (String link : links) {
      assertEquals(302, hit(link, IPHONE, null, null).getStatus(), "the scanner is redirected");
    }
    JsonObject scanned = awaitBotClicks(id, 3);
    assertEquals(0, scanned.getJsonNumber("clicks").longValue(), "a burst is no click");
    assertTrue(scanned.isNull("firstClick"));
    assertEquals(
        List.of("BURST", "BURST", "BURST"),
        getJson("api/messages/" + id + "/clicks")
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(click -> click.getString("botReason"))
            .toList());

    Linktrack.pauseLikeAPerson();
    hit(links.get(1), IPHONE, null, null); // later, the person opens the one they care about
    JsonObject read = Linktrack.awaitClicks(id, 1);
    assertEquals(List.of("https://shop.example.com/h"), strings(read.getJsonArray("linksClicked")));
  }

  @Test
  void aContactsTimelineShowsTheirClicksAcrossMessagesNewestFirst() {
    String contact = "003-" + UUID.randomUUID();
    long first =
        send("{\"channel\":\"SMS\",\"to\":\"+15550403\",\"contactId\":\""
                + contact
                + "\",\"body\":\"Order https://shop.example.com/o/1\"}")
            .getJsonNumber("id")
            .longValue();
    long second =
        send("{\"channel\":\"SMS\",\"to\":\"+15550403\",\"contactId\":\""
                + contact
                + "\",\"body\":\"Review https://shop.example.com/r/1\"}")
            .getJsonNumber("id")
            .longValue();
    String orderLink = strings(awaitStatus(first, "SENT").getJsonArray("shortLinks")).get(0);
    String reviewLink = strings(awaitStatus(second, "SENT").getJsonArray("shortLinks")).get(0);
    hit(orderLink, SLACK, null, null); // a preview: not on the person's timeline
    hit(orderLink, IPHONE, null, null);
    Linktrack.awaitClicks(first, 1);
    hit(reviewLink, IPHONE, null, null);
    Linktrack.awaitClicks(second, 1);

    JsonObject timeline = getJson("api/contacts/" + contact + "/timeline");
    assertEquals(2, timeline.getInt("total"));
    List<JsonObject> items = timeline.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(
        List.of("https://shop.example.com/r/1", "https://shop.example.com/o/1"),
        items.stream().map(click -> click.getString("url")).toList(),
        "newest first, across the contact's messages");
    assertEquals(second, items.get(0).getJsonNumber("messageId").longValue());
    assertEquals("Phone", items.get(0).getString("deviceClass"));
    assertEquals(
        404, Linktrack.get("api/contacts/nobody-" + UUID.randomUUID() + "/timeline").getStatus());
  }

  @Test
  void aMessagesClicksOfAnUnknownMessageAre404() {
    Response response = Linktrack.get("api/messages/987654321/clicks");
    assertEquals(404, response.getStatus());
    assertEquals("application/problem+json", response.getMediaType().toString());
  }

  @Test
  void reclassifyingAfterANewBotTextTurnsEarlierClicksIntoBotClicksAndCorrectsEveryCount() {
    String text = "NewPreviewer-" + UUID.randomUUID();
    String previewer = "Mozilla/5.0 (X11; Linux x86_64) " + text + "/1.0";
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550402\",\"body\":"
                + "\"Tickets https://venue.example.com/t and seats https://venue.example.com/s\"}");
    long id = accepted.getJsonNumber("id").longValue();
    Instant before = Instant.now().minusSeconds(1);
    List<String> links = strings(awaitStatus(id, "SENT").getJsonArray("shortLinks"));

    hit(links.get(0), previewer, null, null); // not known as a bot yet: counted as a person
    Linktrack.pauseLikeAPerson();
    hit(links.get(1), IPHONE, null, null);
    JsonObject fooled = Linktrack.awaitClicks(id, 2);
    assertEquals(2, fooled.getJsonNumber("uniqueClicks").longValue());
    assertEquals(
        List.of("https://venue.example.com/t", "https://venue.example.com/s"),
        strings(fooled.getJsonArray("linksClicked")));

    Response added = Linktrack.post("api/admin/bot-agents", "{\"text\":" + quote(text) + "}");
    assertEquals(200, added.getStatus());
    Response rescored =
        Linktrack.post(
            "api/admin/reclassify",
            "{\"from\":\"" + before + "\",\"to\":\"" + Instant.now().plusSeconds(1) + "\"}");
    assertEquals(200, rescored.getStatus());
    JsonObject outcome = Linktrack.json(rescored);
    assertTrue(outcome.getJsonNumber("becameBots").longValue() >= 1, outcome.toString());

    JsonObject corrected = message(id);
    assertEquals(1, corrected.getJsonNumber("clicks").longValue(), "only the person's click");
    assertEquals(1, corrected.getJsonNumber("botClicks").longValue());
    assertEquals(1, corrected.getJsonNumber("uniqueClicks").longValue());
    assertEquals(
        List.of("https://venue.example.com/s"),
        strings(corrected.getJsonArray("linksClicked")),
        "the previewer's link no longer counts as clicked");
    assertEquals(
        corrected.getString("firstClick"),
        corrected.getString("lastClick"),
        "first and last click are the person's one click");

    // the same range again changes nothing
    JsonObject again =
        Linktrack.json(
            Linktrack.post(
                "api/admin/reclassify",
                "{\"from\":\"" + before + "\",\"to\":\"" + Instant.now() + "\"}"));
    assertEquals(0, again.getJsonNumber("becameBots").longValue());
    assertEquals(0, again.getJsonNumber("becamePeople").longValue());
    assertEquals(1, message(id).getJsonNumber("clicks").longValue());

    // and new hits by that agent are bots from now on
    hit(links.get(0), previewer, null, null);
    assertEquals(2, awaitBotClicks(id, 2).getJsonNumber("botClicks").longValue());
    Linktrack.client()
        .target(Linktrack.BASE + "/api/admin/bot-agents/" + text)
        .request()
        .delete()
        .close();
  }

  @Test
  void aReclassificationNeedsAnOrderedRange() {
    Response backwards =
        Linktrack.post("api/admin/reclassify", "{\"from\":\"2026-11-24\",\"to\":\"2026-11-23\"}");
    assertEquals(400, backwards.getStatus());
    Response malformed =
        Linktrack.post("api/admin/reclassify", "{\"from\":\"yesterday\",\"to\":\"2026-11-23\"}");
    assertEquals(400, malformed.getStatus());
    assertTrue(Linktrack.json(malformed).getString("detail").contains("from"));
  }
}
