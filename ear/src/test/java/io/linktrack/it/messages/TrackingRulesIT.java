package io.linktrack.it.messages;

import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What gets tracked: HTML email links, and nothing when the message or campaign says no. */
class TrackingRulesIT {

  @Test
  void anHtmlEmailHasOnlyTheHrefsOfItsLinksRewritten() {
    String html =
        "<html><body><p>Hi,</p>\n"
            + "<a href=\"https://example.com/a?x=1&amp;y=2\">Offer</a>\n"
            + "<a class=\"btn untracked\" href=\"https://example.com/private\">Account</a>\n"
            + "<a href=\"mailto:help@example.com\">Mail us</a> <a href=\"#top\">Top</a>\n"
            + "<img src=\"https://example.com/logo.png\"> Visit https://example.com/plain\n"
            + "</body></html>";
    JsonObject accepted =
        send(
            "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"News\",\"body\":"
                + quote(html)
                + "}");
    JsonObject sent = awaitStatus(accepted.getJsonNumber("id").longValue(), "SENT");

    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));
    assertEquals(1, shortLinks.size(), "only the one tracked <a> gets a short link");
    assertEquals(
        html.replace("https://example.com/a?x=1&amp;y=2", shortLinks.get(0)),
        sent.getString("trackedBody"),
        "everything but the tracked href is delivered exactly as written");
    assertEquals(
        "https://example.com/a?x=1&y=2",
        Linktrack.click(shortLinks.get(0)).getHeaderString("Location"));
  }

  @Test
  void aMessageWithTrackLinksFalseIsSentUntouched() {
    String body = "Unsubscribe at https://example.com/unsubscribe";
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550103\",\"trackLinks\":false,\"body\":"
                + quote(body)
                + "}");
    JsonObject sent = awaitStatus(accepted.getJsonNumber("id").longValue(), "SENT");
    assertEquals(body, sent.getString("trackedBody"));
    assertTrue(sent.getJsonArray("shortLinks").isEmpty());
    assertEquals(false, sent.getBoolean("trackLinks"));
  }

  @Test
  void aCampaignWithTrackingOffLeavesItsMessagesUntouched() {
    long campaign =
        createCampaign("no-tracking-" + UUID.randomUUID(), false).getJsonNumber("id").longValue();
    String body = "Policy: https://example.com/policy";
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550104\",\"campaignId\":"
                + campaign
                + ",\"body\":"
                + quote(body)
                + "}");
    JsonObject sent = awaitStatus(accepted.getJsonNumber("id").longValue(), "SENT");
    assertEquals(body, sent.getString("trackedBody"));
    assertTrue(sent.getJsonArray("shortLinks").isEmpty());
    assertEquals(campaign, sent.getJsonNumber("campaignId").longValue());
  }

  @Test
  void urlsWithoutSchemeStayAsWrittenInAnSms() {
    String body = "Reply STOP or see www.example.com and example.com/x, or https://example.com/y.";
    JsonObject sent =
        awaitStatus(
            send("{\"channel\":\"SMS\",\"to\":\"+15550105\",\"body\":" + quote(body) + "}")
                .getJsonNumber("id")
                .longValue(),
            "SENT");
    String shortLink = strings(sent.getJsonArray("shortLinks")).get(0);
    assertEquals(
        "Reply STOP or see www.example.com and example.com/x, or " + shortLink + ".",
        sent.getString("trackedBody"));
  }

  @Test
  void clickedTrueListsOnlyMessagesWithClicks() {
    long campaign =
        createCampaign("report-" + UUID.randomUUID(), true).getJsonNumber("id").longValue();
    JsonObject clickedOne =
        awaitStatus(
            send("{\"channel\":\"SMS\",\"to\":\"+15550106\",\"campaignId\":"
                    + campaign
                    + ",\"body\":\"https://example.com/1\"}")
                .getJsonNumber("id")
                .longValue(),
            "SENT");
    awaitStatus(
        send("{\"channel\":\"SMS\",\"to\":\"+15550107\",\"campaignId\":"
                + campaign
                + ",\"body\":\"https://example.com/2\"}")
            .getJsonNumber("id")
            .longValue(),
        "SENT");
    Linktrack.click(strings(clickedOne.getJsonArray("shortLinks")).get(0));

    String clicked = "api/messages?campaignId=" + campaign + "&clicked=true";
    JsonObject report =
        Linktrack.await(
            "the clicked message in the report",
            () -> Linktrack.getJson(clicked),
            page -> page.getInt("total") > 0,
            java.time.Duration.ofSeconds(10));
    assertEquals(1, report.getInt("total"));
    assertEquals(
        clickedOne.getJsonNumber("id").longValue(),
        report.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(2, Linktrack.getJson("api/messages?campaignId=" + campaign).getInt("total"));
  }
}
