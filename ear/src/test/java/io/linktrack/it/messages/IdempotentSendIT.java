package io.linktrack.it.messages;

import static io.linktrack.it.Linktrack.BASE;
import static io.linktrack.it.Linktrack.await;
import static io.linktrack.it.Linktrack.awaitStatus;
import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A client that times out and retries with the same Idempotency-Key sends nothing twice. */
class IdempotentSendIT {

  private record Answer(int status, String replayed, String location, JsonObject body) {}

  private static Answer post(String path, String key, String json) {
    Response response =
        Linktrack.client()
            .target(BASE + "/" + path)
            .request()
            .header("Idempotency-Key", key)
            .post(Entity.entity(json, MediaType.APPLICATION_JSON));
    String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
    return new Answer(
        response.getStatus(),
        response.getHeaderString("Idempotent-Replayed"),
        response.getHeaderString("Location") + " " + type,
        json(response));
  }

  private static long campaign() {
    return createCampaign("Idempotent " + UUID.randomUUID(), true).getJsonNumber("id").longValue();
  }

  private static String sms(long campaignId, String to) {
    return "{\"channel\":\"SMS\",\"to\":\""
        + to
        + "\",\"campaignId\":"
        + campaignId
        + ",\"body\":\"Your order: https://shop.example.com/o/1 and https://track.example.com/p/2\"}";
  }

  private static long messagesOf(long campaignId) {
    return getJson("api/messages?campaignId=" + campaignId).getInt("total");
  }

  @Test
  void aRetryWithTheSameKeyAndBodyAnswersTheFirstMessageAndSendsNothingTwice() {
    long campaign = campaign();
    String key = UUID.randomUUID().toString();
    Answer first = post("api/messages", key, sms(campaign, "+15550100"));
    assertEquals(202, first.status(), "the first request is accepted");
    assertNull(first.replayed(), "the first answer is no replay");
    long id = first.body().getJsonNumber("id").longValue();

    Answer retry = post("api/messages", key, sms(campaign, "+15550100"));
    assertEquals(202, retry.status(), "the retry is answered like the first request");
    assertEquals("true", retry.replayed(), "the retry says it is a replay");
    assertEquals(id, retry.body().getJsonNumber("id").longValue(), "the retry names the same id");
    assertEquals(first.location(), retry.location());

    JsonObject sent = awaitStatus(id, "SENT");
    Answer late = post("api/messages", key, sms(campaign, "+15550100"));
    assertEquals(id, late.body().getJsonNumber("id").longValue());
    assertEquals("SENT", late.body().getString("status"), "a late retry shows the message now");
    assertEquals(
        sent.getJsonArray("shortLinks"),
        late.body().getJsonArray("shortLinks"),
        "the replay shows the one set of short links");
    assertEquals(1, messagesOf(campaign), "three requests with one key make one message");
  }

  @Test
  void concurrentRetriesOfAMessageMakeOneMessage() throws Exception {
    long campaign = campaign();
    String key = UUID.randomUUID().toString();
    List<Answer> answers = concurrently(8, () -> post("api/messages", key, sms(campaign, "+1555")));
    Set<Long> ids = new HashSet<>();
    int replays = 0;
    for (Answer answer : answers) {
      assertEquals(202, answer.status(), () -> "every concurrent retry is accepted: " + answer);
      ids.add(answer.body().getJsonNumber("id").longValue());
      replays += "true".equals(answer.replayed()) ? 1 : 0;
    }
    assertEquals(1, ids.size(), "all concurrent retries name the same message: " + ids);
    assertEquals(7, replays, "all but one answer are replays");
    awaitStatus(ids.iterator().next(), "SENT");
    assertEquals(1, messagesOf(campaign), "eight concurrent requests with one key, one message");
  }

  @Test
  void concurrentRetriesOfABulkSendMakeOneBatchWithEveryRecipientOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    int total = 1200; // three chunks of 500: the retries store them side by side
    StringBuilder recipients = new StringBuilder();
    for (int i = 0; i < total; i++) {
      recipients.append(i == 0 ? "" : ",").append("{\"to\":\"+1666").append(i).append("\"}");
    }
    String bulk =
        "{\"channel\":\"SMS\",\"body\":\"Sale: https://shop.example.com/sale\",\"recipients\":["
            + recipients
            + "]}";
    List<Answer> answers = concurrently(4, () -> post("api/messages/bulk", key, bulk));
    Set<Long> batches = new HashSet<>();
    for (Answer answer : answers) {
      assertEquals(202, answer.status(), () -> "every concurrent retry is accepted: " + answer);
      assertEquals(total, answer.body().getInt("total"));
      batches.add(answer.body().getJsonNumber("id").longValue());
    }
    // a second batch would show as a second id: every request got its own answer
    assertEquals(1, batches.size(), "all concurrent retries name the same batch: " + batches);
    long batch = batches.iterator().next();
    JsonObject finished =
        await(
            "batch " + batch + " to finish",
            () -> getJson("api/batches/" + batch),
            b -> b.getBoolean("finished"),
            Duration.ofSeconds(180));
    assertEquals(total, finished.getInt("processed"));
    Set<String> to = new HashSet<>();
    for (int page = 0; page * 500 < total; page++) {
      getJson("api/messages?batchId=" + batch + "&size=500&page=" + page)
          .getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(m -> to.add(m.getString("to")));
    }
    assertEquals(total, to.size(), "every recipient is in the batch once");
    assertEquals(
        total,
        getJson("api/messages?batchId=" + batch).getInt("total"),
        "each recipient got one message, not one per retry");
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422AndSendsNothing() {
    long campaign = campaign();
    String key = UUID.randomUUID().toString();
    long id =
        post("api/messages", key, sms(campaign, "+15550200"))
            .body()
            .getJsonNumber("id")
            .longValue();

    Answer other = post("api/messages", key, sms(campaign, "+15550201"));
    assertEquals(422, other.status(), "another request under a used key is refused");
    assertTrue(other.location().endsWith("application/problem+json"), other.location());
    assertEquals("urn:linktrack:problem:idempotency-key-reused", other.body().getString("type"));
    assertEquals(
        "Idempotency-Key", other.body().getJsonArray("errors").getJsonObject(0).getString("field"));

    Answer bulk =
        post(
            "api/messages/bulk",
            key,
            "{\"channel\":\"SMS\",\"body\":\"Hi\",\"recipients\":[{\"to\":\"+15550202\"}]}");
    assertEquals(422, bulk.status(), "the key of a message cannot be reused for a bulk send");

    awaitStatus(id, "SENT");
    assertEquals(1, messagesOf(campaign), "the refused request sent nothing");
  }

  @Test
  void aMalformedKeyIsABadRequest() {
    Answer tooLong = post("api/messages", "k".repeat(256), sms(campaign(), "+15550300"));
    assertEquals(400, tooLong.status());
    assertEquals(
        "Idempotency-Key",
        tooLong.body().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(400, post("api/messages", "a key", sms(campaign(), "+15550301")).status());
  }

  private static List<Answer> concurrently(int threads, Callable<Answer> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
