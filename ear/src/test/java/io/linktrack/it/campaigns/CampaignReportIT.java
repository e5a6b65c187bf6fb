package io.linktrack.it.campaigns;

import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.it.Linktrack;
import io.linktrack.it.links.CustomLinksIT;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The campaign report agrees with the clicks made: people, unique and bot clicks, per URL. */
class CampaignReportIT {

  private static final String SALE = "https://shop.example.com/sale";
  private static final String HELP = "https://shop.example.com/help";
  private static final String POSTER = "https://shop.example.com/poster";

  @Test
  void theReportCountsMessagesSentAndClickedAndEveryUrlsClicks() {
    long campaign = createCampaign("Winter sale", true).getJsonNumber("id").longValue();
    Response accepted =
        post(
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"campaignId\":"
                + campaign
                + ",\"body\":\"Sale "
                + SALE
                + " help "
                + HELP
                + "\",\"recipients\":[{\"to\":\"+15550601\"},{\"to\":\"+15550602\"},"
                + "{\"to\":\"+15550603\"}]}");
    assertEquals(202, accepted.getStatus());
    long batch = json(accepted).getJsonNumber("id").longValue();
    await(
        "the bulk send to finish",
        () -> getJson("api/batches/" + batch),
        b -> b.getBoolean("finished"),
        Duration.ofSeconds(60));
    List<JsonObject> messages =
        getJson("api/messages?batchId=" + batch)
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    List<List<String>> links =
        messages.stream().map(m -> strings(m.getJsonArray("shortLinks"))).toList();
    JsonObject poster =
        CustomLinksIT.createLink(POSTER, "Shop window", ",\"campaignId\":" + campaign);

    click(links.get(0).get(0)); // a person: the sale, later the help page
    click(links.get(1).get(0)); // another person, twice on the sale
    click(links.get(1).get(0));
    click(poster.getString("shortUrl"));
    Linktrack.client() // a preview of the third message's sale link: a bot hit
        .target(URI.create(links.get(2).get(0)))
        .request()
        .header("User-Agent", "WhatsApp/2.23.20.0 A")
        .get()
        .close();
    Linktrack.pauseLikeAPerson();
    click(links.get(0).get(1));

    JsonObject report =
        await(
            "the report to count every click",
            () -> getJson("api/campaigns/" + campaign + "/report"),
            r -> r.getJsonNumber("clicks").longValue() == 5 && r.getInt("botClicks") == 1,
            Duration.ofSeconds(15));
    assertEquals(3, report.getInt("messagesSent"));
    assertEquals(2, report.getInt("messagesClicked"), "two of three messages were clicked");
    assertEquals(2, report.getInt("uniqueClicks"), "unique clicks of a campaign: messages clicked");
    assertEquals(2.0 / 3, report.getJsonNumber("clickThroughRate").doubleValue(), 1e-9);
    assertEquals(3, report.getInt("linksTotal"));
    Map<String, JsonObject> byUrl =
        report.getJsonArray("links").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(l -> l.getString("originalUrl"), l -> l));
    assertEquals(List.of(3, 2, 1), counts(byUrl.get(SALE)), "sale: clicks, unique, bot");
    assertEquals(List.of(1, 1, 0), counts(byUrl.get(HELP)));
    assertEquals(List.of(1, 1, 0), counts(byUrl.get(POSTER)), "the campaign's custom link too");
    assertEquals(
        SALE,
        report.getJsonArray("links").getJsonObject(0).getString("originalUrl"),
        "most clicked first");
  }

  private static List<Integer> counts(JsonObject line) {
    return List.of(line.getInt("clicks"), line.getInt("uniqueClicks"), line.getInt("botClicks"));
  }

  @Test
  void anUnknownCampaignHasNoReport() {
    Response response = Linktrack.get("api/campaigns/987654321/report");
    assertEquals(404, response.getStatus());
    assertEquals("application/problem+json", response.getMediaType().toString());
  }
}
