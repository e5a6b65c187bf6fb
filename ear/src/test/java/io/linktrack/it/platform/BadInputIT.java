package io.linktrack.it.platform;

import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 4xx problem-details answer naming the field; never a 500. */
class BadInputIT {

  private static final String OK_SMS = "\"channel\":\"SMS\",\"to\":\"+15550199\"";

  static Stream<Arguments> badSends() {
    return Stream.of(
        Arguments.of("malformed JSON", "api/messages", "{\"channel\":", null),
        Arguments.of("not an object", "api/messages", "[1,2]", null),
        Arguments.of(
            "wrong type",
            "api/messages",
            "{" + OK_SMS + ",\"body\":\"x\",\"trackLinks\":\"yes\"}",
            null),
        Arguments.of("missing to", "api/messages", "{\"channel\":\"SMS\",\"body\":\"hi\"}", "to"),
        Arguments.of(
            "blank to",
            "api/messages",
            "{\"channel\":\"SMS\",\"to\":\"  \",\"body\":\"hi\"}",
            "to"),
        Arguments.of("missing body", "api/messages", "{" + OK_SMS + "}", "body"),
        Arguments.of("blank body", "api/messages", "{" + OK_SMS + ",\"body\":\" \\n \"}", "body"),
        Arguments.of(
            "unknown channel",
            "api/messages",
            "{\"channel\":\"FAX\",\"to\":\"1\",\"body\":\"hi\"}",
            "channel"),
        Arguments.of(
            "missing channel", "api/messages", "{\"to\":\"1\",\"body\":\"hi\"}", "channel"),
        Arguments.of(
            "SMS over 1,600 characters",
            "api/messages",
            "{" + OK_SMS + ",\"body\":\"" + "a".repeat(1601) + "\"}",
            "body"),
        Arguments.of(
            "email over 1 MB",
            "api/messages",
            "{\"channel\":\"EMAIL\",\"to\":\"a@example.com\",\"body\":\""
                + "é".repeat(524_289)
                + "\"}",
            "body"),
        Arguments.of(
            "unknown campaign",
            "api/messages",
            "{" + OK_SMS + ",\"body\":\"hi\",\"campaignId\":987654321}",
            "campaignId"),
        Arguments.of(
            "bulk without recipients",
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"body\":\"hi\"}",
            "recipients"),
        Arguments.of(
            "bulk with no recipients",
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"body\":\"hi\",\"recipients\":[]}",
            "recipients"),
        Arguments.of(
            "bulk over 100,000 recipients",
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"body\":\"hi\",\"recipients\":["
                + "{\"to\":\"1\"},".repeat(100_000)
                + "{\"to\":\"1\"}]}",
            "recipients"),
        Arguments.of(
            "bulk recipient without to",
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"body\":\"hi\",\"recipients\":[{\"to\":\"1\"},{\"contactId\":\"c\"}]}",
            "recipients[1].to"),
        Arguments.of("empty body", "api/messages", "", null),
        Arguments.of("campaign without name", "api/campaigns", "{\"trackLinks\":true}", "name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSends")
  void badInputGetsA400ProblemNamingTheField(String what, String path, String json, String field) {
    Response response = Linktrack.post(path, json);
    assertProblem(response, 400, what);
    JsonObject problem = json(response);
    assertEquals(400, problem.getInt("status"));
    assertTrue(problem.containsKey("detail"), what + ": the problem says what is wrong");
    if (field != null) {
      assertEquals(
          field,
          problem.getJsonArray("errors").getJsonObject(0).getString("field"),
          what + ": the problem names the offending field");
    }
  }

  @ParameterizedTest(name = "GET {0}")
  @MethodSource("unknownRecords")
  void unknownIdsGetA404Problem(String path) {
    assertProblem(Linktrack.get(path), 404, path);
  }

  static Stream<String> unknownRecords() {
    return Stream.of(
        "api/messages/987654321",
        "api/messages/abc",
        "api/batches/987654321",
        "api/campaigns/987654321",
        "api/no-such-endpoint");
  }

  @Test
  void badListingParametersGetA400() {
    for (String query :
        new String[] {
          "size=0",
          "size=501",
          "page=-1",
          "size=abc",
          "clicked=maybe",
          "from=yesterday",
          "campaignId=x",
          "from=2026-02-01&to=2026-01-01",
          "status=LOST",
          "page=2147483647&size=500"
        }) {
      assertProblem(Linktrack.get("api/messages?" + query), 400, query);
    }
  }

  /** A NUL in a query string reached PostgreSQL, which refuses it, as a 500 (found by FuzzIT). */
  @Test
  void textNoDatabaseStoresGetsA400NamingTheParameter() {
    Response response = Linktrack.get("api/tasks?assignee=ann%00");
    assertProblem(response, 400, "assignee with a NUL");
    assertEquals(
        "assignee", json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aWrongMediaTypeGetsA415Problem() {
    Response response =
        Linktrack.client()
            .target(Linktrack.BASE)
            .path("api/messages")
            .request()
            .post(Entity.entity("channel=SMS", MediaType.APPLICATION_FORM_URLENCODED));
    assertProblem(response, 415, "form post");
  }

  @Test
  void aRefusedBulkSendStoresNothing() {
    long campaign =
        createCampaign("refused-" + UUID.randomUUID(), true).getJsonNumber("id").longValue();
    Response response =
        Linktrack.post(
            "api/messages/bulk",
            "{\"channel\":\"SMS\",\"campaignId\":"
                + campaign
                + ",\"body\":"
                + quote("{{text}}")
                + ",\"recipients\":[{\"to\":\"1\",\"fields\":{\"text\":\"ok\"}},{\"to\":\"2\",\"fields\":{\"text\":\"ok\"}},"
                + "{\"to\":\"3\",\"fields\":{\"text\":"
                + quote("x".repeat(1601))
                + "}}]}");
    assertProblem(response, 400, "third recipient's SMS too long");
    assertEquals(
        "recipients[2].body",
        json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        0,
        getJson("api/messages?campaignId=" + campaign).getInt("total"),
        "a refused bulk send must not leave some of its messages behind");
  }

  /** Counter-examples FuzzIT found: each was a 500, or not a problem. */
  @Test
  void fuzzedCounterExamplesGetA4xxProblem() {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    assertProblem(
        Linktrack.post("api/rules", "{\"name\":\"x\",\"threshold\":" + deep + "}"),
        400,
        "a body nested 5,000 levels deep");
    assertProblem(
        Linktrack.client()
            .target(Linktrack.BASE + "/api/contacts")
            .request()
            .post(
                Entity.entity(
                    "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8),
                    "application/json; charset=\"\"")),
        415,
        "a Content-Type with an empty charset");
    assertProblem(
        Linktrack.get("api/alerts?to=%2B999999999-12-31T23:59:59Z"),
        400,
        "an instant beyond the year 9999");
    assertProblem(
        Linktrack.get("api/messages?from=-999999999-01-01T00:00:00Z"),
        400,
        "an instant before the year 1000");
    assertProblem(
        Linktrack.post(
            "api/links",
            "{\"url\":\"https://example.com/\",\"name\":\"far\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}"),
        400,
        "a link expiring after the year 9999");
    String contact = "fuzz-surrogate-" + UUID.randomUUID();
    assertProblem(
        Linktrack.post(
            "api/contacts", "{\"id\":" + quote(contact + "-") + ",\"name\":\"\\uD800\"}"),
        400,
        "a name with an unpaired surrogate");
    assertProblem(
        Linktrack.post("api/contacts", "{\"id\":\"" + contact + "\\u0000\"}"),
        400,
        "an id with a NUL character");
    assertEquals(
        404,
        Linktrack.get("api/contacts/" + contact + "-").getStatus(),
        "a refused contact is not stored");
    assertProblem(
        Linktrack.post("api/contacts", "{\"id\":" + quote("${jndi:ldap://127.0.0.1/x}") + "}"),
        400,
        "a contact id with a '/', which no URL could name");
    // the servlet container refuses a path with an invalid UTF-8 escape: still a problem
    assertProblem(Linktrack.get("api/campaigns/%FF/report"), 400, "an invalid UTF-8 escape");
  }

  /** A bot text with a '/' cannot be named in a path segment: the query form removes it. */
  @Test
  void aBotTextWithASlashCanBeRemoved() {
    String text = "FuzzBot/" + UUID.randomUUID();
    assertEquals(
        200, Linktrack.post("api/admin/bot-agents", "{\"text\":" + quote(text) + "}").getStatus());
    Response removed =
        Linktrack.client()
            .target(Linktrack.BASE + "/api/admin/bot-agents")
            .queryParam("text", text)
            .request()
            .delete();
    assertEquals(200, removed.getStatus(), "the text is removed");
    assertFalse(
        Linktrack.strings(json(removed).getJsonArray("stored")).contains(text),
        "the text is no longer stored");
    assertProblem(
        Linktrack.client().target(Linktrack.BASE + "/api/admin/bot-agents").request().delete(),
        400,
        "no text named");
  }

  private static void assertProblem(Response response, int status, String what) {
    assertEquals(status, response.getStatus(), what);
    assertEquals(
        "application/problem+json",
        response.getMediaType().toString(),
        what + ": problem details expected");
    response.bufferEntity();
    String body = response.readEntity(String.class);
    assertFalse(
        body.contains("Exception") || body.contains("\tat "),
        what + ": no stack trace or exception names");
  }
}
