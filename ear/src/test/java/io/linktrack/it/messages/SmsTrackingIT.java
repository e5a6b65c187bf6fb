package io.linktrack.it.messages;

import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTrackingIT {

  private static final String FIRST = "https://example.com/offer?id=7";
  private static final String SECOND = "https://shop.example.org/cart";

  private JsonObject sentSmsWithTwoLinks() {
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550100\",\"contactId\":\"003A1\",\"body\":"
                + quote("Deal: " + FIRST + ". Cart (" + SECOND + ")! Again: " + FIRST)
                + "}");
    assertEquals("QUEUED", accepted.getString("status"));
    return awaitStatus(accepted.getJsonNumber("id").longValue(), "SENT");
  }

  @Test
  void anSmsWithTwoUrlsIsSentWithTwoShortLinksInItsBody() {
    JsonObject sent = sentSmsWithTwoLinks();

    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));
    assertEquals(2, shortLinks.size(), "each distinct URL gets one short link");
    assertNotEquals(shortLinks.get(0), shortLinks.get(1));
    String tracked = sent.getString("trackedBody");
    assertEquals(
        "Deal: "
            + shortLinks.get(0)
            + ". Cart ("
            + shortLinks.get(1)
            + ")! Again: "
            + shortLinks.get(0),
        tracked,
        "the recipient should get the body with every URL replaced and punctuation kept");
    assertFalse(tracked.contains("example.com"), "no original URL may remain in the SMS");
    assertTrue(
        shortLinks.get(0).startsWith(Linktrack.BASE + "/"),
        "short links use the configured base URL");
  }

  @Test
  void eachShortLinkRedirectsToItsUrlAndUpdatesTheTrackingFields() {
    JsonObject sent = sentSmsWithTwoLinks();
    long id = sent.getJsonNumber("id").longValue();
    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));
    assertEquals(0, sent.getJsonNumber("clicks").longValue());
    assertTrue(sent.isNull("firstClick"));

    Instant before = Instant.now();
    Response second = click(shortLinks.get(1));
    assertEquals(302, second.getStatus(), "a short link answers 302 Found");
    assertEquals(SECOND, second.getHeaderString("Location"));
    assertEquals("no-store", second.getHeaderString("Cache-Control"));
    assertEquals(
        "no-referrer",
        second.getHeaderString("Referrer-Policy"),
        "the recipient's inbox or chat URL must not reach the destination");
    assertEquals("nosniff", second.getHeaderString("X-Content-Type-Options"));

    Linktrack.pauseLikeAPerson();
    Response first = click(shortLinks.get(0));
    assertEquals(FIRST, first.getHeaderString("Location"));
    click(shortLinks.get(0));

    JsonObject clicked = Linktrack.awaitClicks(id, 3); // every click is counted once
    Instant firstClick = Instant.parse(clicked.getString("firstClick"));
    Instant lastClick = Instant.parse(clicked.getString("lastClick"));
    assertFalse(firstClick.isBefore(before.minusSeconds(5)));
    assertTrue(lastClick.isAfter(firstClick), "last click moves on, first click stays");
    assertEquals(
        List.of(SECOND, FIRST),
        strings(clicked.getJsonArray("linksClicked")),
        "links clicked lists original URLs once each, in order of first click");
  }

  @Test
  void aHeadRequestRedirectsButIsNotAClick() {
    JsonObject sent = sentSmsWithTwoLinks();
    String shortLink = strings(sent.getJsonArray("shortLinks")).get(0);

    Response head = Linktrack.client().target(URI.create(shortLink)).request().head();
    assertEquals(302, head.getStatus());
    assertEquals(FIRST, head.getHeaderString("Location"));

    // a real click after the preview: once it is counted, the count shows whether HEAD was too
    // (link previews must not count as clicks)
    click(shortLink);
    Linktrack.awaitClicks(sent.getJsonNumber("id").longValue(), 1);
  }

  @Test
  void queryParametersOfTheShortLinkAreAddedWithoutOverridingTheDestinations() {
    JsonObject sent = sentSmsWithTwoLinks();
    String shortLink = strings(sent.getJsonArray("shortLinks")).get(0);

    Response response = click(shortLink + "?id=99&utm_source=sms");
    assertEquals(
        "https://example.com/offer?id=7&utm_source=sms",
        response.getHeaderString("Location"),
        "the destination keeps its own id and gains utm_source");
  }

  @Test
  void aChineseSmsLinksExactlyItsUrlsAndRedirectsToTheirAsciiForm() {
    String plain = "https://example.com/a";
    String iri = "https://zh.wikipedia.org/wiki/双十一";
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+8613800000000\",\"body\":"
                + quote("请访问" + plain + "。详情见" + iri + "，谢谢👍")
                + "}");
    long id = accepted.getJsonNumber("id").longValue();
    JsonObject sent = awaitStatus(id, "SENT");

    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));
    assertEquals(2, shortLinks.size(), "the full stop and the words after a URL are no link");
    assertEquals(
        "请访问" + shortLinks.get(0) + "。详情见" + shortLinks.get(1) + "，谢谢👍",
        sent.getString("trackedBody"),
        "the recipient should get the sentence with its punctuation, only the URLs replaced");

    assertEquals(
        plain,
        click(shortLinks.get(0)).getHeaderString("Location"),
        "the ideographic full stop would have sent the recipient to a 404 page");
    Linktrack.pauseLikeAPerson();
    assertEquals(
        "https://zh.wikipedia.org/wiki/%E5%8F%8C%E5%8D%81%E4%B8%80",
        click(shortLinks.get(1)).getHeaderString("Location"),
        "the Location header must be ASCII: the Chinese path percent-encoded as UTF-8");
    assertEquals(
        List.of(plain, iri),
        strings(Linktrack.awaitClicks(id, 2).getJsonArray("linksClicked")),
        "the stored destinations are the URLs as written, Chinese included");
  }

  @Test
  void anUnknownOrMalformedCodeGetsAHumanReadable404() {
    for (String path : List.of("ZZZZzzzz", "not-a-code!", "x")) {
      Response response = Linktrack.get(path);
      assertEquals(404, response.getStatus(), path);
      assertTrue(response.getMediaType().toString().startsWith("text/html"), path);
      String page = response.readEntity(String.class);
      assertTrue(page.contains("Link not found"), path);
      assertFalse(page.contains("not-a-code"), "the page must not echo the requested path");
    }
  }
}
