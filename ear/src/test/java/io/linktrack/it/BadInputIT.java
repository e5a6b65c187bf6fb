package io.linktrack.it;

import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
