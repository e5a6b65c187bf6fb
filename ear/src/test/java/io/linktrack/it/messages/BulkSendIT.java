package io.linktrack.it.messages;

import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkSendIT {

  @Test
  void aBulkSendOfAThousandFinishesWithEveryLinkUniqueAndEveryPlaceholderFilled() {
    int total = 1000;
    StringBuilder recipients = new StringBuilder();
    for (int i = 0; i < total; i++) {
      if (i > 0) {
        recipients.append(',');
      }
      recipients
          .append("{\"to\":\"+1555")
          .append(String.format("%07d", i))
          .append("\",\"contactId\":\"c-")
          .append(i)
          .append("\",\"fields\":{\"name\":\"Ann ")
          .append(i)
          .append("\",\"n\":")
          .append(i)
          .append("}}");
    }
    Response response =
        post(
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"body\":\"Hi {{name}}{{unknown}}, your code {{n}}: https://example.com/p/{{n}} or https://example.com/help\","
                + "\"recipients\":["
                + recipients
                + "]}");
    assertEquals(202, response.getStatus(), "a bulk send is accepted");
    String location = response.getHeaderString("Location");
    JsonObject accepted = json(response);
    assertEquals(total, accepted.getInt("total"));
    long batchId = accepted.getJsonNumber("id").longValue();
    assertTrue(location.endsWith("/api/batches/" + batchId), location);

    JsonObject finished =
        await(
            "batch " + batchId + " to finish",
            () -> getJson("api/batches/" + batchId),
            batch -> batch.getBoolean("finished"),
            Duration.ofSeconds(180));
    assertEquals(total, finished.getInt("processed"));
    assertEquals(0, finished.getInt("failed"));

    Set<String> shortLinks = new HashSet<>();
    int messages = 0;
    for (int page = 0; page < total / 500; page++) {
      JsonObject listing = getJson("api/messages?batchId=" + batchId + "&size=500&page=" + page);
      assertEquals(total, listing.getInt("total"));
      for (JsonObject message : listing.getJsonArray("items").getValuesAs(JsonObject.class)) {
        messages++;
        assertEquals("SENT", message.getString("status"));
        String contact = message.getString("contactId");
        String n = contact.substring(2);
        String body = message.getString("trackedBody");
        assertTrue(
            body.startsWith("Hi Ann " + n + ", your code " + n + ": "),
            "placeholders are filled per recipient, unknown ones left empty: " + body);
        assertEquals(2, message.getJsonArray("shortLinks").size());
        shortLinks.addAll(strings(message.getJsonArray("shortLinks")));
      }
    }
    assertEquals(total, messages);
    assertEquals(
        2 * total, shortLinks.size(), "every recipient's message gets its own short links");
  }
}
