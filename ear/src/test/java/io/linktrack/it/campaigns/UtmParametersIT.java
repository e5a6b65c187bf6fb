package io.linktrack.it.campaigns;

import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.click;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's UTM parameters reach the destinations of its messages, never overriding. */
class UtmParametersIT {

  @Test
  void theCampaignsUtmParametersAreAddedWithoutOverridingTheUrlsOwn() {
    Response created =
        post(
            "api/campaigns",
            "{\"name\":\"UTM autumn\",\"utmParameters\":{\"utm_source\":\"crm\","
                + "\"utm_medium\":\"sms\",\"utm_campaign\":\"autumn sale\"}}");
    assertEquals(201, created.getStatus());
    JsonObject campaign = json(created);
    JsonObject utm = campaign.getJsonObject("utmParameters");
    assertEquals("crm", utm.getString("utm_source"));
    assertEquals("autumn sale", utm.getString("utm_campaign"));
    long campaignId = campaign.getJsonNumber("id").longValue();
    assertEquals(utm, Linktrack.getJson("api/campaigns/" + campaignId).get("utmParameters"));

    String plain = "https://shop.example.com/p/1";
    String tagged = "https://shop.example.com/p/2?utm_source=newsletter&id=9#reviews";
    JsonObject sent =
        awaitStatus(
            send("{\"channel\":\"SMS\",\"to\":\"+15550177\",\"campaignId\":"
                    + campaignId
                    + ",\"body\":"
                    + quote("New: " + plain + " and " + tagged)
                    + "}")
                .getJsonNumber("id")
                .longValue(),
            "SENT");
    List<String> shortLinks = strings(sent.getJsonArray("shortLinks"));

    assertEquals(
        plain + "?utm_source=crm&utm_medium=sms&utm_campaign=autumn+sale",
        click(shortLinks.get(0)).getHeaderString("Location"),
        "the campaign's parameters are added to a URL without any");
    assertEquals(
        "https://shop.example.com/p/2?utm_source=newsletter&id=9"
            + "&utm_medium=sms&utm_campaign=autumn+sale#reviews",
        click(shortLinks.get(1)).getHeaderString("Location"),
        "the sender's own utm_source wins; the others are added before the fragment");
  }

  @Test
  void aCampaignWithoutUtmParametersShowsNone() {
    JsonObject campaign = Linktrack.createCampaign("No UTM", true);
    assertEquals(0, campaign.getJsonObject("utmParameters").size());
  }
}
