package io.linktrack.it.exports;

import static io.linktrack.it.Linktrack.awaitClicks;
import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.get;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import io.linktrack.it.links.CustomLinksIT;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV exports agree with the clicks made: per message and per link. */
class ExportsIT {

  private static final String SHOES = "https://shop.example.com/shoes";
  private static final String BAGS = "https://shop.example.com/bags";
  private static final String POSTER = "https://shop.example.com/poster";

  private static List<CSVRecord> csv(String path) throws IOException {
    Response response = get(path);
    assertEquals(200, response.getStatus(), () -> path + ": " + response.readEntity(String.class));
    assertEquals("text", response.getMediaType().getType());
    assertEquals("csv", response.getMediaType().getSubtype());
    assertEquals("UTF-8", response.getMediaType().getParameters().get("charset"));
    assertTrue(
        response.getHeaderString("Content-Disposition").startsWith("attachment; filename="),
        "offered as a download");
    String body = response.readEntity(String.class);
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  @Test
  void theMessagesAndLinksExportsAgreeWithTheClicksMade() throws IOException {
    Instant start = Instant.now().minusSeconds(1);
    long campaignId = createCampaign("=Exports test", true).getJsonNumber("id").longValue();
    JsonObject sent =
        awaitStatus(
            send("{\"channel\":\"SMS\",\"to\":\"+15550123\",\"campaignId\":"
                    + campaignId
                    + ",\"body\":"
                    + quote("Shoes " + SHOES + " bags " + BAGS)
                    + "}")
                .getJsonNumber("id")
                .longValue(),
            "SENT");
    long messageId = sent.getJsonNumber("id").longValue();
    long unclicked =
        awaitStatus(
                send("{\"channel\":\"SMS\",\"to\":\"+15550124\",\"campaignId\":"
                        + campaignId
                        + ",\"body\":\"No links here\"}")
                    .getJsonNumber("id")
                    .longValue(),
                "SENT")
            .getJsonNumber("id")
            .longValue();
    JsonObject poster =
        CustomLinksIT.createLink(POSTER, "@poster", ",\"campaignId\":" + campaignId);
    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));
    click(shortLinks.get(1)); // bags first
    Linktrack.pauseLikeAPerson();
    click(shortLinks.get(0));
    click(shortLinks.get(0));
    Linktrack.client() // an unfurler previews the poster link first: a bot hit, not a click
        .target(poster.getString("shortUrl"))
        .request()
        .header("User-Agent", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")
        .get()
        .close();
    click(poster.getString("shortUrl"));
    JsonObject clicked = awaitClicks(messageId, 3);
    CustomLinksIT.awaitLinkClicks(poster.getJsonNumber("id").longValue(), 1);

    List<CSVRecord> messages = csv("api/exports/messages.csv?campaignId=" + campaignId);
    assertEquals(2, messages.size(), "both messages of the campaign, one row each");
    CSVRecord message = messages.get(0);
    assertEquals(String.valueOf(messageId), message.get("id"), "oldest first");
    assertEquals("SMS", message.get("channel"));
    assertEquals("'+15550123", message.get("to"), "a leading + is defused for spreadsheets");
    assertEquals("SENT", message.get("status"));
    assertEquals(String.valueOf(campaignId), message.get("campaignId"));
    assertEquals("'=Exports test", message.get("campaign"), "a formula-like name is text");
    assertEquals("3", message.get("clicks"));
    assertEquals(clicked.getString("firstClick"), message.get("firstClick"));
    assertEquals(clicked.getString("lastClick"), message.get("lastClick"));
    assertEquals(BAGS + " " + SHOES, message.get("linksClicked"), "in order of first click");
    CSVRecord quiet = messages.get(1);
    assertEquals(String.valueOf(unclicked), quiet.get("id"));
    assertEquals("0", quiet.get("clicks"));
    assertEquals("", quiet.get("firstClick"));
    assertEquals("", quiet.get("linksClicked"));

    List<CSVRecord> links = csv("api/exports/links.csv?campaignId=" + campaignId);
    assertEquals(3, links.size(), "two message links and the custom link of the campaign");
    Map<String, CSVRecord> byUrl = new HashMap<>();
    links.forEach(link -> byUrl.put(link.get("originalUrl"), link));
    assertEquals("2", byUrl.get(SHOES).get("clicks"));
    assertEquals("1", byUrl.get(BAGS).get("clicks"));
    assertEquals("1", byUrl.get(POSTER).get("clicks"));
    assertEquals("1", byUrl.get(POSTER).get("uniqueClicks"));
    assertEquals("1", byUrl.get(POSTER).get("botClicks"), "the preview is kept apart");
    assertEquals("1", byUrl.get(SHOES).get("uniqueClicks"));
    assertEquals("0", byUrl.get(SHOES).get("botClicks"));
    assertEquals(shortLinks.get(0), byUrl.get(SHOES).get("shortUrl"));
    assertEquals("MESSAGE", byUrl.get(SHOES).get("type"));
    assertEquals(String.valueOf(messageId), byUrl.get(SHOES).get("messageId"));
    assertEquals("CUSTOM", byUrl.get(POSTER).get("type"));
    assertEquals("'@poster", byUrl.get(POSTER).get("name"));
    assertEquals("", byUrl.get(POSTER).get("messageId"));
    assertEquals(poster.getString("shortUrl"), byUrl.get(POSTER).get("shortUrl"));
    assertEquals("'=Exports test", byUrl.get(POSTER).get("campaign"));

    assertEquals(
        0,
        csv("api/exports/messages.csv?campaignId=" + campaignId + "&from=" + Instant.now()).size(),
        "nothing of the campaign was created after now");
    assertEquals(
        2,
        csv("api/exports/messages.csv?campaignId="
                + campaignId
                + "&from="
                + start
                + "&to="
                + Instant.now().plusSeconds(60))
            .size());
    List<CSVRecord> all = csv("api/exports/links.csv?from=" + start);
    assertTrue(all.size() >= 3, "without a campaign, every link created in the range");
    assertNotEquals(0, all.stream().filter(r -> r.get("originalUrl").equals(POSTER)).count());
    assertFalse(
        csv("api/exports/links.csv?to=2000-01-01").stream().findAny().isPresent(),
        "no link before 2000");
  }
}
