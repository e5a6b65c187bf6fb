package io.linktrack.it.rules;

import static io.linktrack.it.Linktrack.client;
import static io.linktrack.it.Linktrack.get;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.rules.RuleSupport.createRule;
import static io.linktrack.it.rules.RuleSupport.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules, contacts, tasks and alerts as records: create, read, change, delete, and bad input. */
class RulesIT {

  private static final String TASK =
      "[{\"type\":\"CREATE_TASK\",\"assignee\":\"ann\",\"subject\":\"Call\"}]";

  private static String rule(String fields) {
    return "{\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":3"
        + fields
        + "}";
  }

  private static Response put(String path, String json) {
    return client()
        .target(Linktrack.BASE + "/" + path)
        .request()
        .put(Entity.entity(json, MediaType.APPLICATION_JSON));
  }

  private static Response delete(String path) {
    return client().target(Linktrack.BASE + "/" + path).request().delete();
  }

  @Test
  void aRuleIsCreatedReadChangedAndDeleted() {
    JsonObject created =
        createRule(
            rule(
                ",\"urlContains\":\"/pricing\",\"withinMinutes\":60,\"actions\":[{\"type\":"
                    + "\"WEBHOOK\",\"url\":\"https://hooks.example.com/x\",\"secret\":\"k\"}]"));
    long id = id(created);
    assertEquals(true, created.getBoolean("enabled"), "rules are enabled unless told otherwise");
    assertEquals(1, created.getInt("generation"));
    JsonObject action = created.getJsonArray("actions").getJsonObject(0);
    assertEquals("https://hooks.example.com/x", action.getString("url"));
    assertTrue(action.getBoolean("signed"));
    assertFalse(action.containsKey("secret"), "the secret is never shown again");

    assertEquals("/pricing", getJson("api/rules/" + id).getString("urlContains"));
    assertTrue(
        get("api/rules").readEntity(String.class).contains("\"id\":" + id),
        "the listing shows the rule");

    Response renamed = put("api/rules/" + id, rule(",\"withinMinutes\":60,\"actions\":" + TASK));
    assertEquals(200, renamed.getStatus());
    JsonObject same = json(renamed);
    assertEquals(2, same.getInt("generation"), "dropping urlContains changes what counts");

    JsonObject raised =
        json(
            put(
                "api/rules/" + id,
                "{\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":5,"
                    + "\"withinMinutes\":60,\"enabled\":false,\"actions\":"
                    + TASK
                    + "}"));
    assertEquals(3, raised.getInt("generation"), "a new threshold starts afresh");
    assertEquals(false, raised.getBoolean("enabled"));
    JsonObject renamedOnly =
        json(
            put(
                "api/rules/" + id,
                "{\"name\":\"renamed\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":5,"
                    + "\"withinMinutes\":60,\"actions\":"
                    + TASK
                    + "}"));
    assertEquals(3, renamedOnly.getInt("generation"), "a new name does not fire afresh");

    assertEquals(204, delete("api/rules/" + id).getStatus());
    assertEquals(404, get("api/rules/" + id).getStatus());
    assertEquals(404, delete("api/rules/" + id).getStatus());
  }

  @Test
  void unknownIdsAre404() {
    for (String path :
        new String[] {
          "api/rules/999999999",
          "api/rules/abc",
          "api/contacts/no-such-contact-x",
          "api/tasks/999999999"
        }) {
      Response response = get(path);
      assertEquals(404, response.getStatus(), path);
      assertEquals("application/problem+json", response.getMediaType().toString(), path);
    }
    assertEquals(404, put("api/rules/999999999", rule(",\"actions\":" + TASK)).getStatus());
  }

  @Test
  void aContactIsCreatedWithTheCrmsIdOnce() {
    String crmId = "003Dn" + UUID.randomUUID();
    Response created = post("api/contacts", "{\"id\":" + quote(crmId) + ",\"name\":\"Ann\"}");
    assertEquals(201, created.getStatus());
    JsonObject contact = json(created);
    assertEquals(crmId, contact.getString("id"));
    assertEquals("Ann", contact.getString("name"));
    assertTrue(contact.getJsonArray("tags").isEmpty());
    assertEquals(0, contact.getJsonNumber("clicks").longValue());
    assertEquals(crmId, getJson("api/contacts/" + crmId).getString("id"));
    assertEquals(409, post("api/contacts", "{\"id\":" + quote(crmId) + "}").getStatus());
    Response generated = post("api/contacts", "{\"name\":\"Bob\"}");
    assertEquals(201, generated.getStatus());
    assertFalse(json(generated).getString("id").isBlank(), "Linktrack makes up an id");
  }

  @Test
  void alertsCanBeFilteredAndPaged() {
    JsonObject page = getJson("api/alerts?ruleId=999999999&from=2026-01-01&page=0&size=10");
    assertEquals(0, page.getJsonNumber("total").longValue());
    assertEquals(10, page.getInt("size"));
    assertEquals(200, get("api/rules/status").getStatus());
  }

  static Stream<Arguments> badRules() {
    return Stream.of(
        Arguments.of(
            "unknown scope", rule(",\"actions\":" + TASK).replace("MESSAGE", "PLANET"), "scope"),
        Arguments.of(
            "unknown metric",
            rule(",\"actions\":" + TASK).replace("\"CLICKS\"", "\"VIEWS\""),
            "metric"),
        Arguments.of(
            "negative threshold",
            rule(",\"actions\":" + TASK).replace("\"threshold\":3", "\"threshold\":-1"),
            "threshold"),
        Arguments.of("no actions", rule(",\"actions\":[]"), "actions"),
        Arguments.of("actions missing", rule(""), "actions"),
        Arguments.of(
            "unknown action type", rule(",\"actions\":[{\"type\":\"FAX\"}]"), "actions[0].type"),
        Arguments.of(
            "webhook URL not http(s)",
            rule(",\"actions\":[{\"type\":\"WEBHOOK\",\"url\":\"ftp://example.com/x\"}]"),
            "actions[0].url"),
        Arguments.of(
            "webhook URL not a URL",
            rule(",\"actions\":[{\"type\":\"WEBHOOK\",\"url\":\"not a url\"}]"),
            "actions[0].url"),
        Arguments.of(
            "email address not one",
            rule(
                ",\"actions\":["
                    + TASK.substring(1, TASK.length() - 1)
                    + ",{\"type\":\"EMAIL\",\"to\":\"sales at example\"}]"),
            "actions[1].to"),
        Arguments.of(
            "tag missing", rule(",\"actions\":[{\"type\":\"TAG_CONTACT\"}]"), "actions[0].tag"),
        Arguments.of(
            "task without assignee",
            rule(",\"actions\":[{\"type\":\"CREATE_TASK\",\"subject\":\"x\"}]"),
            "actions[0].assignee"),
        Arguments.of(
            "tag a campaign",
            rule(",\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"x\"}]")
                .replace("MESSAGE", "CAMPAIGN"),
            "actions[0].type"),
        Arguments.of(
            "unique clicks of a link",
            rule(",\"actions\":" + TASK)
                .replace("MESSAGE", "LINK")
                .replace("\"CLICKS\"", "\"UNIQUE_CLICKS\""),
            "metric"),
        Arguments.of(
            "unknown campaign",
            rule(",\"campaignId\":999999999,\"actions\":" + TASK),
            "campaignId"),
        Arguments.of(
            "zero window", rule(",\"withinMinutes\":0,\"actions\":" + TASK), "withinMinutes"),
        Arguments.of(
            "threshold as text", rule(",\"actions\":" + TASK).replace("3", "\"3\""), "threshold"),
        Arguments.of("blank name", rule(",\"actions\":" + TASK).replace("\"r\"", "\" \""), "name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRules")
  void aBadRuleIs400NamingTheField(String what, String json, String field) {
    Response response = post("api/rules", json);
    String body = response.readEntity(String.class);
    assertEquals(400, response.getStatus(), () -> what + ": " + body);
    assertEquals("application/problem+json", response.getMediaType().toString());
    assertTrue(
        body.contains("\"field\":\"" + field + "\""), () -> what + " names " + field + ": " + body);
  }

  @Test
  void badQueryParametersAre400() {
    assertEquals(400, get("api/alerts?ruleId=x").getStatus());
    assertEquals(400, get("api/alerts?from=yesterday").getStatus());
    assertEquals(400, get("api/alerts?size=0").getStatus());
    assertEquals(400, get("api/tasks?page=-1").getStatus());
    assertEquals(400, post("api/contacts", "{\"id\":7}").getStatus());
    assertEquals(400, post("api/rules", "{\"name\":").getStatus());
  }
}
