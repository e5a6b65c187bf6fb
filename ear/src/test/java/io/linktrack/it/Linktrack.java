package io.linktrack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;

/**
 * The running Linktrack server as a CRM sees it: HTTP calls and the short links they hand out. The
 * RESTEasy client does not follow redirects, so a short link answers with its 302.
 */
public final class Linktrack {

  public static final String BASE = System.getProperty("it.base.url", "http://localhost:9080");

  /** The test server's administrator (linktrack.admin-password, set in ear/pom.xml). */
  public static final String ADMIN_USER = "admin";

  public static final String ADMIN_PASSWORD =
      System.getProperty("it.admin.password", "it-admin-password");

  // Pooled connections are dropped after 20 s: the server closes idle ones after 30 s, and a
  // request on such a connection fails (long tests leave the pool idle that long).
  private static final Client CLIENT =
      ((ResteasyClientBuilder) ClientBuilder.newBuilder())
          .connectionTTL(20, TimeUnit.SECONDS)
          .connectionCheckoutTimeout(30, TimeUnit.SECONDS)
          .register(new SignInAsAdmin())
          .register(new ReadWhole())
          .build();

  /**
   * Reads every answer whole as it arrives, so that its pooled connection goes back at once. A test
   * that looks only at the status would otherwise keep the connection until the pool ran dry and
   * the next call waited for ever (that hung RuleRestartIT while a slow server restarted); the
   * checkout timeout above turns any such wait into a failure.
   */
  private static final class ReadWhole implements ClientResponseFilter {
    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response)
        throws IOException {
      if (response.hasEntity()) {
        // read to its end, not closed: the end gives the connection back, closing would close the
        // answer itself
        InputStream body = response.getEntityStream();
        response.setEntityStream(new ByteArrayInputStream(body.readAllBytes()));
      }
    }
  }

  /** A client that sends no credentials of its own: for what an anonymous caller sees. */
  public static Client anonymousClient() {
    return ((ResteasyClientBuilder) ClientBuilder.newBuilder())
        .connectionTTL(20, TimeUnit.SECONDS)
        .build();
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every /api call of the shared client signs in as the administrator, unless the test set its own
   * Authorization header (SecurityIT). Short links get no credentials, as from a phone.
   */
  private static final class SignInAsAdmin implements ClientRequestFilter {
    @Override
    public void filter(ClientRequestContext request) {
      String path = request.getUri().getPath();
      if (path.startsWith("/api") && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
        request
            .getHeaders()
            .putSingle(HttpHeaders.AUTHORIZATION, basic(ADMIN_USER, ADMIN_PASSWORD));
      }
    }
  }

  private Linktrack() {}

  public static Client client() {
    return CLIENT;
  }

  /** {@code path} is relative to the server and may carry a query string. */
  public static Response post(String path, String json) {
    return CLIENT
        .target(BASE + "/" + path)
        .request()
        .post(Entity.entity(json, MediaType.APPLICATION_JSON));
  }

  public static Response get(String path) {
    return CLIENT.target(BASE + "/" + path).request().get();
  }

  public static JsonObject json(Response response) {
    String text = response.readEntity(String.class);
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  public static JsonObject getJson(String path) {
    Response response = get(path);
    assertEquals(200, response.getStatus(), () -> "GET " + path + " failed");
    return json(response);
  }

  /** Sends one message and answers it as accepted (status QUEUED). */
  public static JsonObject send(String json) {
    Response response = post("api/messages", json);
    assertEquals(202, response.getStatus(), "the message should be accepted");
    return json(response);
  }

  public static JsonObject createCampaign(String name, boolean trackLinks) {
    Response response =
        post("api/campaigns", "{\"name\":\"" + name + "\",\"trackLinks\":" + trackLinks + "}");
    assertEquals(201, response.getStatus(), "the campaign should be created");
    return json(response);
  }

  public static JsonObject message(long id) {
    return getJson("api/messages/" + id);
  }

  /** Polls until the message has reached the status (or fails after 30 s). */
  public static JsonObject awaitStatus(long id, String status) {
    return await(
        "message " + id + " to become " + status,
        () -> message(id),
        message -> status.equals(message.getString("status")),
        Duration.ofSeconds(30));
  }

  /**
   * Polls until the message shows {@code clicks} clicks (or fails after 10 s, showing the last
   * count). A click is counted on its message a moment after its redirect: the 302 waits for the
   * click to be stored, the counters follow (docs/architecture.md).
   */
  public static JsonObject awaitClicks(long id, long clicks) {
    return await(
        "message " + id + " to show " + clicks + " clicks",
        () -> message(id),
        message -> message.getJsonNumber("clicks").longValue() == clicks,
        Duration.ofSeconds(10));
  }

  /**
   * Waits as long as a person at least takes between opening two links of one message: two links
   * opened within the burst window (1 s on the test server) are a scanner's burst, not clicks.
   */
  public static void pauseLikeAPerson() {
    try {
      Thread.sleep(1300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static <T> T await(
      String what, java.util.function.Supplier<T> poll, Predicate<T> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = poll.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return fail("Timed out waiting for " + what + "; last seen: " + last);
  }

  public static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(s -> s.getString())
        .toList();
  }

  /** Follows a short link once, as a recipient's browser would (GET, no redirect following). */
  public static Response click(String shortUrl) {
    return CLIENT
        .target(URI.create(shortUrl))
        .request()
        .header("User-Agent", "Mozilla/5.0 (IT)")
        .get();
  }

  public static String quote(String text) {
    return Json.createValue(text).toString();
  }
}
