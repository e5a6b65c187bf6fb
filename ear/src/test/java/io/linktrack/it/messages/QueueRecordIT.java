package io.linktrack.it.messages;

import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A CRM can skip the REST API and put outbound records straight on the JMS queue (format in
 * docs/jms-format.md). The test reaches the queue through the crm-stub fixture, a JMS producer
 * deployed beside Linktrack for the integration tests only.
 */
class QueueRecordIT {

  /** Puts the record on the outbound queue {@code copies} times; waits for the stub to be up. */
  private static void putOnQueue(String record, int copies) {
    await(
        "the CRM stub to put the record on the queue",
        () -> {
          Response response =
              Linktrack.client()
                  .target(Linktrack.BASE)
                  .path("crm-stub/outbound")
                  .queryParam("copies", copies)
                  .request()
                  .post(Entity.entity(record, MediaType.TEXT_PLAIN));
          int status = response.getStatus();
          response.close();
          return status;
        },
        status -> status == 200,
        Duration.ofSeconds(60));
  }

  private static JsonObject onlyMessageOf(long campaignId) {
    JsonObject listing =
        await(
            "the queued record to be sent",
            () -> getJson("api/messages?campaignId=" + campaignId),
            // the listing's items and total are two queries: the message may appear in between
            page ->
                !page.getJsonArray("items").isEmpty()
                    && "SENT"
                        .equals(page.getJsonArray("items").getJsonObject(0).getString("status")),
            Duration.ofSeconds(30));
    assertEquals(1, listing.getInt("total"), "the record becomes exactly one message");
    return listing.getJsonArray("items").getJsonObject(0);
  }

  @Test
  void aRecordPutStraightOnTheQueueIsShortenedAndSent() {
    long campaign =
        createCampaign("queue-" + UUID.randomUUID(), true).getJsonNumber("id").longValue();
    putOnQueue(
        "{\"channel\":\"SMS\",\"to\":\"+15550102\",\"contactId\":\"003Q\",\"campaignId\":"
            + campaign
            + ",\"body\":"
            + quote("From the CRM: https://example.com/q?src=crm")
            + "}",
        1);

    JsonObject message = onlyMessageOf(campaign);
    assertEquals("003Q", message.getString("contactId"));
    String shortLink = strings(message.getJsonArray("shortLinks")).get(0);
    assertEquals("From the CRM: " + shortLink, message.getString("trackedBody"));
    Response redirect = Linktrack.click(shortLink);
    assertEquals("https://example.com/q?src=crm", redirect.getHeaderString("Location"));
  }

  @Test
  void aUrlTooLongToBeALinkStaysAsWrittenInAQueuedRecordAndTheRestIsShortened() {
    // The API refuses such a body (400); a queue record has nobody to answer, so it is sent with
    // that one URL untracked rather than dropped (docs/api.md).
    long campaign =
        createCampaign("queue-long-" + UUID.randomUUID(), true).getJsonNumber("id").longValue();
    String tooLong = "https://example.com/long?q=" + "x".repeat(4100);
    putOnQueue(
        "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"Hi\",\"campaignId\":"
            + campaign
            + ",\"body\":"
            + quote("Long: " + tooLong + " short: https://example.com/ok")
            + "}",
        1);

    JsonObject message = onlyMessageOf(campaign);
    List<String> links = strings(message.getJsonArray("shortLinks"));
    assertEquals(1, links.size(), "only the URL that can be a link is shortened: " + links);
    assertEquals("Long: " + tooLong + " short: " + links.get(0), message.getString("trackedBody"));
  }

  @Test
  void aRecordSentThreeTimesWithOneExternalIdBecomesOneMessage() {
    long campaign =
        createCampaign("retry-" + UUID.randomUUID(), true).getJsonNumber("id").longValue();
    putOnQueue(
        "{\"channel\":\"EMAIL\",\"to\":\"ann@example.com\",\"subject\":\"Hello\",\"externalId\":\"crm-"
            + UUID.randomUUID()
            + "\",\"campaignId\":"
            + campaign
            + ",\"body\":\"Read https://example.com/news\"}",
        3);

    JsonObject message = onlyMessageOf(campaign);
    assertEquals(
        1, message.getJsonArray("shortLinks").size(), "one message, one set of short links");
    // give the two duplicates time to be consumed, then check again
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertEquals(
        1,
        getJson("api/messages?campaignId=" + campaign).getInt("total"),
        "a CRM retrying a send must not produce duplicate messages");
    assertFalse(message.getString("trackedBody").contains("example.com/news"));
  }
}
