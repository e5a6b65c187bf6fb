package io.linktrack.it.rules;

import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.Linktrack.send;
import static io.linktrack.it.Linktrack.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.it.Linktrack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

/** Rules, alerts and tracked messages for the rule tests. */
final class RuleSupport {

  /** linktrack.rules.interval of the test server (ear/pom.xml). */
  // The test server's linktrack.rules.interval (ear/pom.xml). Clicks are counted about 1.25 s
  // after they are stored (the test server's 1 s burst window plus the fold pause), so the
  // interval must exceed that for "within two intervals" to hold, as the 15 s default does.
  static final Duration INTERVAL = Duration.ofSeconds(2);

  private RuleSupport() {}

  static JsonObject createRule(String json) {
    Response response = Linktrack.post("api/rules", json);
    String body = response.readEntity(String.class);
    assertEquals(201, response.getStatus(), () -> "the rule should be created: " + body);
    return parse(body);
  }

  static JsonObject parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static long id(JsonObject object) {
    return object.getJsonNumber("id").longValue();
  }

  /** Sends an SMS with the given URLs, waits until it is sent, answers its short links. */
  static List<String> sentMessage(String extraFields, String... urls) {
    String body = "Hi, see " + String.join(" and ", urls);
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550300\""
                + extraFields
                + ",\"body\":"
                + quote(body)
                + "}");
    JsonObject sent = awaitStatus(id(accepted), "SENT");
    return strings(sent.getJsonArray("shortLinks"));
  }

  static long messageIdOf(String extraFields, String... urls) {
    String body = "Hi, see " + String.join(" and ", urls);
    JsonObject accepted =
        send(
            "{\"channel\":\"SMS\",\"to\":\"+15550300\""
                + extraFields
                + ",\"body\":"
                + quote(body)
                + "}");
    awaitStatus(id(accepted), "SENT");
    return id(accepted);
  }

  static List<String> shortLinks(long messageId) {
    return strings(Linktrack.message(messageId).getJsonArray("shortLinks"));
  }

  static void click(String shortUrl) {
    assertEquals(302, Linktrack.click(shortUrl).getStatus(), "a short link redirects");
  }

  static List<JsonObject> alerts(long ruleId) {
    return getJson("api/alerts?size=500&ruleId=" + ruleId)
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  /** Waits for the rule's alerts to reach the count. */
  static List<JsonObject> awaitAlerts(long ruleId, int count, Duration timeout) {
    return Linktrack.await(
        count + " alert(s) of rule " + ruleId,
        () -> alerts(ruleId),
        alerts -> alerts.size() >= count,
        timeout);
  }

  /** Waits until every action of the alert has left PENDING. */
  static JsonObject awaitActionsSettled(long ruleId, Duration timeout) {
    return Linktrack.await(
        "the actions of rule " + ruleId + " to be carried out",
        () -> alerts(ruleId).stream().findFirst().orElse(null),
        alert ->
            alert != null
                && alert.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                    .noneMatch(action -> "PENDING".equals(action.getString("state"))),
        timeout);
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
