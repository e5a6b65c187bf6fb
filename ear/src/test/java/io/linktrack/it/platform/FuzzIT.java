package io.linktrack.it.platform;

import static io.linktrack.it.platform.FuzzRequests.anyJson;
import static io.linktrack.it.platform.FuzzRequests.anyText;
import static io.linktrack.it.platform.FuzzRequests.array;
import static io.linktrack.it.platform.FuzzRequests.delete;
import static io.linktrack.it.platform.FuzzRequests.get;
import static io.linktrack.it.platform.FuzzRequests.id;
import static io.linktrack.it.platform.FuzzRequests.object;
import static io.linktrack.it.platform.FuzzRequests.optional;
import static io.linktrack.it.platform.FuzzRequests.path;
import static io.linktrack.it.platform.FuzzRequests.query;
import static io.linktrack.it.platform.FuzzRequests.quote;
import static io.linktrack.it.platform.FuzzRequests.required;
import static io.linktrack.it.platform.FuzzRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.linktrack.it.Linktrack;
import io.linktrack.it.platform.FuzzRequests.FuzzRequest;
import io.linktrack.it.platform.FuzzRequests.Kind;
import io.linktrack.it.platform.FuzzRequests.Known;
import io.linktrack.it.platform.FuzzRequests.Part;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes every endpoint of the API and the short-link redirect with generated requests (jqwik):
 * every answer must be a success, a redirect, or a 4xx problem whose body is JSON with the same
 * {@code status}, never a 5xx and never a broken connection. Afterwards the records the fuzzing
 * created are checked: each accepted message is sent or failed with its short links, refused
 * requests left nothing behind, and the counts match the successes the fuzzer saw.
 *
 * <p>Run it alone: {@code mvn -B -ntp verify -pl ear -am -Dit.test=FuzzIT -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (with your ports). {@code -Dfuzz.keepGoing=true} records
 * every failing request and fails once at the end, instead of stopping (and shrinking) at the
 * first.
 */
class FuzzIT {

  /** Requests in one run; the summary in the log shows how they fell on the endpoints. */
  static final int TRIES = 10_500;

  /** Fixed, so that every build sends the same requests; change it to explore others. */
  static final String SEED = "20261124";

  /**
   * Open Liberty's servlet container refuses a request URI that it cannot canonicalise ({@code
   * %00}, an encoded {@code /} or {@code \\}, {@code .;}) with its own small HTML 400, before any
   * application sees it (docs/operations.md#fuzzing). The only 4xx that is not a problem.
   */
  private static final String CONTAINER_REFUSAL = "CWWWC0005I";

  private static final boolean KEEP_GOING = Boolean.getBoolean("fuzz.keepGoing");

  private static final Known KNOWN = new Known();
  private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();
  private static final List<String> FAILURES = new ArrayList<>();

  // fixtures, made before the fuzzing
  private static long trackedCampaign;
  private static long untrackedCampaign;

  /** Rules point at this campaign, which gets no messages: no fuzzed rule ever fires. */
  private static long quietCampaign;

  private static String contact;
  private static String ruleGuard;

  // what the fuzzing created, for the invariants
  private static final List<Long> acceptedMessages = new ArrayList<>();
  private static final Map<Long, Integer> acceptedBatches = new LinkedHashMap<>();
  private static final List<Long> createdCampaigns = new ArrayList<>();
  private static final List<Long> createdLinks = new ArrayList<>();
  private static final List<Long> createdRules = new ArrayList<>();
  private static final Set<Long> deletedRules = new HashSet<>();
  private static final List<String> createdContacts = new ArrayList<>();
  private static final List<Long> createdApiKeys = new ArrayList<>();

  private static long messagesBefore;
  private static long customLinksBefore;
  private static int rulesBefore;
  private static Set<String> botAgentsBefore;
  private static final AtomicLong started = new AtomicLong();

  @BeforeContainer
  static void fixtures() {
    trackedCampaign =
        idOf(
            post201(
                "api/campaigns",
                "{\"name\":\"fuzz tracked\",\"trackLinks\":true,"
                    + "\"utmParameters\":{\"utm_source\":\"fuzz\",\"utm_medium\":\"sms\"}}"));
    untrackedCampaign =
        idOf(post201("api/campaigns", "{\"name\":\"fuzz untracked\",\"trackLinks\":false}"));
    quietCampaign = idOf(post201("api/campaigns", "{\"name\":\"fuzz quiet\"}"));
    ruleGuard = "fuzz-never-" + UUID.randomUUID();
    contact = "fuzz-contact-" + UUID.randomUUID();
    post201("api/contacts", "{\"id\":" + quote(contact) + ",\"name\":\"Fuzz\"}");
    KNOWN.add(Kind.CONTACT, contact);
    long key = idOf(post201("api/admin/api-keys", "{\"name\":\"fuzz\",\"role\":\"viewer\"}"));
    createdApiKeys.add(key);
    KNOWN.add(Kind.API_KEY, String.valueOf(key));
    for (long campaign : List.of(trackedCampaign, untrackedCampaign, quietCampaign)) {
      KNOWN.add(Kind.CAMPAIGN, String.valueOf(campaign));
    }
    KNOWN.add(
        Kind.LINK,
        String.valueOf(
            idOf(
                post201(
                    "api/links",
                    "{\"url\":\"https://fuzz.example.com/poster\",\"name\":\"fuzz poster\"}"))));
    taskFixture();

    // a sent message: its codes for the redirect, its clicks for the listings
    JsonObject message =
        Linktrack.send(
            "{\"channel\":\"SMS\",\"to\":\"+15550777\",\"campaignId\":"
                + trackedCampaign
                + ",\"contactId\":"
                + quote(contact)
                + ",\"body\":\"See https://shop.example.com/a and https://shop.example.com/b\"}");
    long messageId = idOf(message);
    KNOWN.add(Kind.MESSAGE, String.valueOf(messageId));
    for (String shortLink :
        Linktrack.strings(Linktrack.awaitStatus(messageId, "SENT").getJsonArray("shortLinks"))) {
      KNOWN.add(Kind.CODE, code(shortLink));
      Linktrack.click(shortLink).close();
    }
    messagesBefore = total("api/messages?size=1");
    customLinksBefore = total("api/links?type=CUSTOM&size=1");
    rulesBefore = rules().size();
    // a rule to read, replace and delete from the first request on (guarded like the fuzzed ones)
    long rule =
        idOf(
            post201(
                "api/rules",
                "{\"name\":\"fuzz\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":2,"
                    + "\"campaignId\":"
                    + quietCampaign
                    + ",\"urlContains\":"
                    + quote(ruleGuard)
                    + ",\"enabled\":false,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"x\"}]}"));
    createdRules.add(rule);
    KNOWN.add(Kind.RULE, String.valueOf(rule));
    botAgentsBefore = storedBotAgents();
    started.set(System.nanoTime());
  }

  /** A task to read: a rule that creates one, fired by a click, then deleted. */
  private static void taskFixture() {
    // the rule timer's first pass starts its feed after the clicks stored until then
    Linktrack.await(
        "the rule timer to have a position",
        () -> Linktrack.getJson("api/rules/status"),
        status -> status.containsKey("position") && !status.isNull("position"),
        Duration.ofSeconds(60));
    long campaign = idOf(post201("api/campaigns", "{\"name\":\"fuzz task\"}"));
    String assignee = "fuzz-" + UUID.randomUUID();
    long rule =
        idOf(
            post201(
                "api/rules",
                "{\"name\":\"fuzz task\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":0,"
                    + "\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":"
                    + quote(assignee)
                    + ",\"subject\":\"fuzz\"}]}"));
    long message =
        idOf(
            Linktrack.send(
                "{\"channel\":\"SMS\",\"to\":\"+15550778\",\"campaignId\":"
                    + campaign
                    + ",\"body\":\"https://shop.example.com/task\"}"));
    String shortLink =
        Linktrack.awaitStatus(message, "SENT").getJsonArray("shortLinks").getString(0);
    JsonObject tasks =
        Linktrack.await(
            "the fixture rule to create its task",
            () -> {
              Linktrack.click(shortLink).close();
              Linktrack.pauseLikeAPerson();
              return Linktrack.getJson("api/tasks?assignee=" + assignee);
            },
            page -> page.getInt("total") >= 1,
            Duration.ofSeconds(60));
    KNOWN.add(Kind.TASK, String.valueOf(idOf(tasks.getJsonArray("items").getJsonObject(0))));
    try (Response deleted =
        Linktrack.client().target(Linktrack.BASE + "/api/rules/" + rule).request().delete()) {
      assertEquals(204, deleted.getStatus(), "the fixture rule is deleted");
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Property(
      tries = TRIES,
      seed = SEED,
      shrinking = ShrinkingMode.BOUNDED,
      edgeCases = EdgeCasesMode.NONE)
  void everyAnswerIsASuccessOrAProblem(@ForAll("requests") FuzzRequest request) {
    String failure = exchange(request);
    if (failure != null) {
      if (!KEEP_GOING) {
        fail(failure);
      }
      synchronized (FAILURES) {
        FAILURES.add(failure);
      }
    }
  }

  @Provide
  Arbitrary<FuzzRequest> requests() {
    List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> endpoints = new ArrayList<>();
    // sending
    endpoints.add(
        Tuple.of(130, send("POST", "POST /api/messages", path("api/messages"), message())));
    endpoints.add(
        Tuple.of(70, send("POST", "POST /api/messages/bulk", path("api/messages/bulk"), bulk())));
    endpoints.add(
        Tuple.of(
            25,
            get("GET /api/messages/{id}", path("api/messages/", id(Kind.MESSAGE)), query("x"))));
    endpoints.add(
        Tuple.of(
            20,
            get(
                "GET /api/messages/{id}/clicks",
                path("api/messages/", id(Kind.MESSAGE), "/clicks"),
                query("page", "size"))));
    endpoints.add(
        Tuple.of(
            35,
            get(
                "GET /api/messages",
                path("api/messages"),
                query(
                    "campaignId", "batchId", "status", "clicked", "from", "to", "page", "size"))));
    endpoints.add(
        Tuple.of(
            20, get("GET /api/batches/{id}", path("api/batches/", id(Kind.BATCH)), query("x"))));
    // campaigns
    endpoints.add(
        Tuple.of(50, send("POST", "POST /api/campaigns", path("api/campaigns"), campaign())));
    endpoints.add(
        Tuple.of(
            20,
            get("GET /api/campaigns/{id}", path("api/campaigns/", id(Kind.CAMPAIGN)), query("x"))));
    endpoints.add(
        Tuple.of(
            20,
            get(
                "GET /api/campaigns/{id}/report",
                path("api/campaigns/", id(Kind.CAMPAIGN), "/report"),
                query("page", "size"))));
    // links
    endpoints.add(Tuple.of(60, send("POST", "POST /api/links", path("api/links"), link())));
    endpoints.add(
        Tuple.of(20, get("GET /api/links/{id}", path("api/links/", id(Kind.LINK)), query("x"))));
    endpoints.add(
        Tuple.of(
            25,
            get("GET /api/links", path("api/links"), query("type", "campaignId", "page", "size"))));
    endpoints.add(
        Tuple.of(15, delete("DELETE /api/links/{id}", path("api/links/", id(Kind.LINK)))));
    // rules, alerts, contacts, tasks
    endpoints.add(Tuple.of(70, send("POST", "POST /api/rules", path("api/rules"), rule())));
    endpoints.add(Tuple.of(10, get("GET /api/rules", path("api/rules"), query("x"))));
    endpoints.add(Tuple.of(10, get("GET /api/rules/status", path("api/rules/status"), query("x"))));
    endpoints.add(
        Tuple.of(20, get("GET /api/rules/{id}", path("api/rules/", id(Kind.RULE)), query("x"))));
    endpoints.add(
        Tuple.of(
            35, send("PUT", "PUT /api/rules/{id}", path("api/rules/", id(Kind.RULE)), rule())));
    endpoints.add(
        Tuple.of(15, delete("DELETE /api/rules/{id}", path("api/rules/", id(Kind.RULE)))));
    endpoints.add(
        Tuple.of(
            20,
            get(
                "GET /api/alerts",
                path("api/alerts"),
                query("ruleId", "from", "to", "page", "size"))));
    endpoints.add(
        Tuple.of(35, send("POST", "POST /api/contacts", path("api/contacts"), contact())));
    endpoints.add(
        Tuple.of(
            20,
            get("GET /api/contacts/{id}", path("api/contacts/", id(Kind.CONTACT)), query("x"))));
    endpoints.add(
        Tuple.of(
            20,
            get(
                "GET /api/contacts/{id}/timeline",
                path("api/contacts/", id(Kind.CONTACT), "/timeline"),
                query("page", "size"))));
    endpoints.add(
        Tuple.of(20, get("GET /api/tasks", path("api/tasks"), query("assignee", "page", "size"))));
    endpoints.add(
        Tuple.of(15, get("GET /api/tasks/{id}", path("api/tasks/", id(Kind.TASK)), query("x"))));
    // exports and administration
    endpoints.add(
        Tuple.of(
            15, get("GET /api/exports/links.csv", path("api/exports/links.csv"), exportQuery())));
    endpoints.add(
        Tuple.of(
            15,
            get("GET /api/exports/messages.csv", path("api/exports/messages.csv"), exportQuery())));
    endpoints.add(
        Tuple.of(10, get("GET /api/admin/bot-agents", path("api/admin/bot-agents"), query("x"))));
    endpoints.add(
        Tuple.of(
            30,
            send("POST", "POST /api/admin/bot-agents", path("api/admin/bot-agents"), botAgent())));
    endpoints.add(
        Tuple.of(
            15,
            delete(
                "DELETE /api/admin/bot-agents/{text}",
                path("api/admin/bot-agents/", id(Kind.BOT_AGENT)))));
    endpoints.add(Tuple.of(10, deleteBotAgentByQuery()));
    endpoints.add(
        Tuple.of(
            30, send("POST", "POST /api/admin/api-keys", path("api/admin/api-keys"), apiKey())));
    endpoints.add(
        Tuple.of(10, get("GET /api/admin/api-keys", path("api/admin/api-keys"), query("x"))));
    endpoints.add(
        Tuple.of(
            15,
            delete(
                "DELETE /api/admin/api-keys/{id}", path("api/admin/api-keys/", id(Kind.API_KEY)))));
    endpoints.add(
        Tuple.of(
            30,
            send(
                "POST", "POST /api/admin/reclassify", path("api/admin/reclassify"), reclassify())));
    // the redirect, and paths that are neither
    endpoints.add(Tuple.of(110, redirect("GET")));
    endpoints.add(Tuple.of(25, redirect("HEAD")));
    endpoints.add(
        Tuple.of(
            10,
            get(
                "GET (unknown path)",
                path(
                    Arbitraries.of(
                            "api",
                            "api/",
                            "api/nothing",
                            "api/messages/1/2/3",
                            "api//messages",
                            "api/messages/",
                            "api/rules/status/x",
                            "api/exports",
                            "api/admin",
                            "a/b",
                            "%2e%2e/api/rules")
                        .map(FuzzRequests::literal)),
                query("x"))));
    return Arbitraries.frequencyOf(endpoints.toArray(Tuple.Tuple2[]::new));
  }

  // ---------------------------------------------------------------------------------------------
  // Records, as the API documents them (docs/api.md), to be broken by the generators

  private static Arbitrary<String> text(String... good) {
    return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(good)), Tuple.of(1, anyText()))
        .map(FuzzRequests::quote);
  }

  /** Mostly the first (good) value, sometimes one of the others. */
  private static Arbitrary<String> mostly(String good, String... others) {
    return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(good)), Tuple.of(1, Arbitraries.of(others)))
        .map(FuzzRequests::quote);
  }

  private static Arbitrary<String> bodyText() {
    Arbitrary<String> template =
        Arbitraries.of(
            "Hi, see https://shop.example.com/p?id=9",
            "Two: https://a.example.com/x and http://b.example.com/y#top",
            "No link here",
            "Ünïcödé https://münchen.example/straße?q=ä",
            "Hello {{name}}, https://example.com/{{city}}",
            "<a href=\"https://example.com/html\">html</a>",
            "https://example.com/" + "p".repeat(4100),
            "www.example.com and example.com/x");
    return Combinators.combine(template, anyText(), Arbitraries.of(true, false))
        .as((t, extra, both) -> quote(both ? t + " " + extra : t));
  }

  private static Arbitrary<String> campaignId() {
    return Arbitraries.of(trackedCampaign, untrackedCampaign, 987654321L).map(String::valueOf);
  }

  private static Arbitrary<String> bool() {
    return Arbitraries.of("true", "false");
  }

  private static Arbitrary<String> message() {
    return object(
        0.35,
        required("channel", text("SMS", "EMAIL", "sms", "Email")),
        required("to", text("+15550100", "fuzz@example.com", " +1 555 0101 ")),
        optional("from", text("Shop", "shop@example.com")),
        optional("subject", text("Hello", "Autumn sale")),
        required("body", bodyText()),
        optional("campaignId", campaignId()),
        optional("contactId", Arbitraries.of(quote(contact), quote("fuzz-other"))),
        optional("trackLinks", bool()));
  }

  private static Arbitrary<String> bulk() {
    Arbitrary<String> fields =
        Combinators.combine(
                Arbitraries.of("name", "city", "a.b-c_1", "", "{{x}}"),
                Arbitraries.frequencyOf(
                    Tuple.of(3, text("Ann", "Zürich", "<b>bold</b>")),
                    Tuple.of(1, FuzzRequests.number()),
                    Tuple.of(1, anyJson())))
            .as((k, v) -> quote(k) + ":" + v)
            .list()
            .ofMaxSize(3)
            .map(l -> "{" + String.join(",", l) + "}");
    Arbitrary<String> recipient =
        object(
            0.7,
            required("to", text("+15550200", "bulk@example.com")),
            optional("contactId", text("fuzz-bulk")),
            optional("fields", fields));
    return object(
        0.35,
        required("channel", text("SMS", "EMAIL")),
        optional("from", text("Shop")),
        optional("subject", text("Hi {{name}}")),
        required("body", bodyText()),
        optional("campaignId", campaignId()),
        optional("trackLinks", bool()),
        required(
            "recipients",
            Arbitraries.frequencyOf(Tuple.of(9, array(recipient, 4)), Tuple.of(1, anyJson()))));
  }

  private static Arbitrary<String> campaign() {
    Arbitrary<String> utm =
        object(
            0.6,
            optional("utm_source", text("crm", "qr")),
            optional("utm_medium", text("sms", "email")),
            optional("utm_campaign", text("autumn")),
            optional("utm_content", text("a b")),
            optional("utm_term", text("shoes")));
    return object(
        0.45,
        required("name", text("Autumn sale", " Spring ", "Ünïcödé")),
        optional("trackLinks", bool()),
        optional("utmParameters", utm));
  }

  private static Arbitrary<String> instant() {
    return Arbitraries.frequencyOf(
            Tuple.of(
                3,
                Arbitraries.of(
                    "2099-12-31T23:59:59Z",
                    "2030-01-01T00:00:00.5Z",
                    "2020-01-01T00:00:00Z",
                    "2099-12-31",
                    "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z",
                    "+10000-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z",
                    "2030-02-30T00:00:00Z",
                    "2030-01-01T00:00:00",
                    "2030-01-01T00:00:00+02:00",
                    "tomorrow")),
            Tuple.of(1, anyText()))
        .map(FuzzRequests::quote);
  }

  private static Arbitrary<String> link() {
    return object(
        0.4,
        required(
            "url",
            mostly(
                "https://fuzz.example.com/x",
                "HTTP://FUZZ.EXAMPLE.COM/Y?a=1#f",
                "https://例え.jp/パス",
                "javascript:alert(1)",
                "ftp://example.com/",
                "http://",
                "https://exa mple.com",
                "http://[::1",
                "https://example.com/\r\nSet-Cookie: x=1",
                "https://" + "a".repeat(64) + ".com/",
                "https://example.com/" + "q".repeat(4090))),
        required("name", text("Poster", "QR <b>")),
        optional("campaignId", campaignId()),
        optional("expiresAt", instant()));
  }

  private static Arbitrary<String> rule() {
    Arbitrary<String> webhook =
        object(
            0.6,
            required("type", text("WEBHOOK")),
            required("url", mostly("http://127.0.0.1:9/hook", "ftp://x", "hooks.example.com")),
            optional("secret", text("s3cret")));
    Arbitrary<String> email =
        object(
            0.6,
            required("type", text("EMAIL", "email")),
            required(
                "to", mostly("owner@example.com", "a@b@c", "two@example.com, three@example.com")),
            optional("subject", text("Alert")));
    Arbitrary<String> tag =
        object(0.6, required("type", text("TAG_CONTACT")), required("tag", text("hot-lead")));
    Arbitrary<String> task =
        object(
            0.6,
            required("type", text("CREATE_TASK")),
            required("assignee", text("005Dn000001")),
            required("subject", text("Call")));
    Arbitrary<String> action =
        Arbitraries.frequencyOf(
            Tuple.of(4, task),
            Tuple.of(3, tag),
            Tuple.of(1, webhook),
            Tuple.of(1, email),
            Tuple.of(1, anyJson()));
    return object(
        0.4,
        required("name", text("Hot lead")),
        required("scope", mostly("MESSAGE", "CAMPAIGN", "LINK", "CONTACT", "message", "TEAM")),
        required("metric", mostly("CLICKS", "UNIQUE_CLICKS", "OPENS")),
        required("threshold", Arbitraries.of("0", "2", "2", "2", "100", "-1")),
        // no fuzzed rule may fire: each names the quiet campaign and a text no URL contains
        required("campaignId", Arbitraries.just(String.valueOf(quietCampaign))),
        required("urlContains", Arbitraries.just(quote(ruleGuard))),
        optional("withinMinutes", Arbitraries.of("1", "60", "527040", "0", "527041")),
        required("enabled", Arbitraries.just("false")),
        required(
            "actions",
            Arbitraries.frequencyOf(
                Tuple.of(
                    9,
                    action
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(1, array(action, 12)),
                Tuple.of(1, anyJson()))));
  }

  private static Arbitrary<String> contact() {
    Arbitrary<String> id =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .ofMinLength(1)
            .ofMaxLength(20)
            .map(s -> quote("fuzz-" + s));
    return object(
        0.4,
        optional(
            "id", Arbitraries.frequencyOf(Tuple.of(4, id), Tuple.of(1, text("x".repeat(256))))),
        optional("name", text("Ann", "Ünïcödé")));
  }

  private static Arbitrary<String> botAgent() {
    Arbitrary<String> text =
        Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12).map(s -> "FuzzBot" + s);
    return object(
        0.4,
        required(
            "text",
            Arbitraries.frequencyOf(
                Tuple.of(4, text.map(FuzzRequests::quote)),
                Tuple.of(1, text("ab", "x".repeat(201))))));
  }

  private static Arbitrary<String> apiKey() {
    return object(
        0.4,
        required("name", text("CRM production", " Zapier ", "Ünïcödé <b>", "x".repeat(300))),
        required("role", text("sender", "viewer", "admin", "ADMIN", "root", "")));
  }

  /** Ranges that never cover the stored hits of other tests (a rescoring of those is slow). */
  private static Arbitrary<String> reclassify() {
    Arbitrary<String> when =
        Arbitraries.frequencyOf(
                Tuple.of(
                    3,
                    Arbitraries.of(
                        "1990-01-01",
                        "1990-01-02",
                        "1990-01-01T12:00:00Z",
                        "2099-01-01",
                        "2099-01-02T00:00:00.000000001Z")),
                Tuple.of(
                    2,
                    Arbitraries.of(
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "0000-01-01",
                        "2026-13-01",
                        "now",
                        "")),
                Tuple.of(1, anyText()))
            .map(FuzzRequests::quote);
    return object(0.4, required("from", when), required("to", when));
  }

  private static Arbitrary<String> exportQuery() {
    // a campaign or a narrow range, almost always: a whole export of a big database is slow
    Arbitrary<String> narrow =
        Arbitraries.of(
            "campaignId=" + trackedCampaign,
            "campaignId=" + untrackedCampaign + "&from=2026-01-01",
            "from=2099-01-01",
            "from=1990-01-01&to=1990-01-02");
    return Combinators.combine(narrow, query("from", "to", "campaignId"))
        .as((n, q) -> q.isEmpty() ? n : n + "&" + q);
  }

  /** DELETE /api/admin/bot-agents?text=: a stored text, or any. */
  private static Arbitrary<FuzzRequest> deleteBotAgentByQuery() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 1000).map(i -> "stored:" + i),
            anyText().map(FuzzRequests::encode));
    return Combinators.combine(FuzzRequests.method("DELETE"), text, FuzzRequests.accept())
        .as(
            (m, t, a) ->
                new FuzzRequest(
                    "DELETE /api/admin/bot-agents?text=",
                    m,
                    List.of(FuzzRequests.literal("api/admin/bot-agents")),
                    // a stored text is looked up when the request is sent
                    t,
                    null,
                    a,
                    null,
                    Map.of()));
  }

  private static Arbitrary<FuzzRequest> redirect(String method) {
    Arbitrary<Part> code =
        Arbitraries.frequencyOf(
            Tuple.of(6, id(Kind.CODE)),
            Tuple.of(
                2,
                Arbitraries.strings().alpha().numeric().ofMaxLength(20).map(FuzzRequests::literal)),
            Tuple.of(1, anyText().map(t -> FuzzRequests.literal(FuzzRequests.encode(t)))));
    Arbitrary<String> suffix = Arbitraries.of("", "", "", "", "", "/", "/x", "/x/y", ";a=b");
    Arbitrary<String> query =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just("")),
            Tuple.of(2, Arbitraries.of("utm_source=qr", "utm_source=qr&ref=x&ref=y", "a%5Fb=1")),
            Tuple.of(
                1,
                Arbitraries.of(
                    "&",
                    "=",
                    "==&&",
                    "%25zz",
                    "a=%0D%0ALocation:%20x",
                    "x=" + "y".repeat(6000),
                    "%F0%9F%98%80=%FF",
                    "#frag")),
            Tuple.of(1, query("utm_source", "utm_medium")));
    Arbitrary<Map<String, String>> headers =
        Combinators.combine(
                Arbitraries.of(
                    "Mozilla/5.0 (Fuzz)",
                    "",
                    "Slackbot-LinkExpanding 1.0",
                    "curl/8.0",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1",
                    "x".repeat(3000),
                    "Ünïcödé",
                    "() { :; }; echo pwned"),
                Arbitraries.of(
                    "",
                    "Purpose",
                    "Sec-Purpose",
                    "X-Purpose",
                    "X-Moz",
                    "Referer",
                    "X-Forwarded-For"),
                Arbitraries.of("prefetch", "preview", "prefetch;prerender", "300.1.1.1", "::::"))
            .as(
                (ua, name, value) -> {
                  Map<String, String> h = new TreeMap<>();
                  h.put("User-Agent", ua);
                  if (!name.isEmpty()) {
                    h.put(name, value);
                  }
                  return h;
                });
    return Combinators.combine(code, suffix, query, headers)
        .as(
            (c, s, q, h) ->
                new FuzzRequest(
                    method + " /{code}",
                    method,
                    List.of(c, FuzzRequests.literal(s)),
                    q,
                    null,
                    "",
                    null,
                    h));
  }

  // ---------------------------------------------------------------------------------------------
  // One exchange: send, judge the answer, learn the ids it names

  /** Sends the request; answers what went wrong, or null. */
  private static String exchange(FuzzRequest request) {
    Tally tally = TALLIES.computeIfAbsent(request.endpoint(), e -> new Tally());
    String path = request.path(KNOWN);
    String query = request.query();
    if (query.startsWith("stored:")) {
      int index = Integer.parseInt(query.substring("stored:".length()));
      query = "text=" + FuzzRequests.encode(KNOWN.pick(Kind.BOT_AGENT, index));
    } else if (request.endpoint().endsWith("?text=")) {
      query = "text=" + query;
    }
    String uri = Linktrack.BASE + "/" + path + (query.isEmpty() ? "" : "?" + query);
    boolean withBody =
        request.body() != null && Set.of("POST", "PUT", "PATCH").contains(request.method());
    String shown =
        request.method()
            + " "
            + uri
            + (withBody
                ? " Content-Type: " + request.contentType() + " body: " + excerpt(request.body())
                : "")
            + (request.accept().isEmpty() ? "" : " Accept: " + request.accept())
            + (request.headers().isEmpty() ? "" : " headers: " + request.headers());
    long sent = System.nanoTime();
    int status;
    String type;
    String location;
    byte[] body;
    try {
      Invocation.Builder builder = Linktrack.client().target(URI.create(uri)).request();
      if (!request.accept().isEmpty()) {
        builder.header("Accept", request.accept());
      }
      request.headers().forEach(builder::header);
      try (Response response =
          withBody
              ? builder.method(
                  request.method(), Entity.entity(request.body(), request.contentType()))
              : builder.method(request.method())) {
        status = response.getStatus();
        type = response.getHeaderString("Content-Type");
        location = response.getHeaderString("Location");
        body = "HEAD".equals(request.method()) ? null : response.readEntity(byte[].class);
        body = body == null ? new byte[0] : body;
      }
    } catch (ProcessingException e) {
      tally.count(-1, System.nanoTime() - sent);
      return shown + "\n  -> no answer: " + e;
    }
    tally.count(status, System.nanoTime() - sent);
    String text = new String(body, StandardCharsets.UTF_8);
    String answer = "\n  -> " + status + " " + type + " " + excerpt(body);
    if (status >= 500) {
      return shown + answer;
    }
    if (status >= 300 && status < 400) {
      if (location == null || !location.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
        return shown + answer + "\n  a redirect needs an ASCII Location, got: " + location;
      }
      return null;
    }
    if (status >= 400) {
      boolean htmlPage =
          request.redirect()
              && (status == 404 || status == 410)
              && type != null
              && type.startsWith("text/html");
      if (htmlPage) {
        return null;
      }
      if (status == 400 && "HEAD".equals(request.method()) && refusedByContainer(uri)) {
        tally.refusedByContainer++;
        return null;
      }
      if (status == 400 && text.contains(CONTAINER_REFUSAL)) {
        tally.refusedByContainer++;
        return null;
      }
      if (type == null || !type.startsWith("application/problem+json")) {
        return shown + answer + "\n  a 4xx must be application/problem+json";
      }
      if ("HEAD".equals(request.method())) {
        return null;
      }
      JsonObject problem = parseObject(text);
      if (problem == null
          || !problem.containsKey("status")
          || problem.get("status").getValueType() != JsonValue.ValueType.NUMBER
          || problem.getInt("status") != status) {
        return shown + answer + "\n  the problem's status must be " + status;
      }
      return null;
    }
    if (type != null && type.startsWith("application/json") && !"HEAD".equals(request.method())) {
      JsonValue json = parse(text);
      if (json == null) {
        return shown + answer + "\n  a JSON success must be JSON";
      }
      if (request.endpoint().startsWith(request.method() + " ")) {
        learn(request, path, json);
      }
    }
    if (status == 204 && "DELETE".equals(request.method()) && path.startsWith("api/rules/")) {
      // any endpoint's request may go out as a DELETE; the fuzzer only ever names its own rules
      deletedRules.add(Long.valueOf(path.substring("api/rules/".length())));
    }
    return null;
  }

  private static boolean refusedByContainer(String uri) {
    try (Response get = Linktrack.client().target(URI.create(uri)).request().get()) {
      return get.getStatus() == 400 && get.readEntity(String.class).contains(CONTAINER_REFUSAL);
    }
  }

  /** Remembers the records a success created or showed, for later paths and the invariants. */
  private static synchronized void learn(FuzzRequest request, String path, JsonValue json) {
    switch (request.endpoint()) {
      case "POST /api/messages" -> {
        long id = idOf(json.asJsonObject());
        acceptedMessages.add(id);
        KNOWN.add(Kind.MESSAGE, String.valueOf(id));
      }
      case "POST /api/messages/bulk" -> {
        JsonObject batch = json.asJsonObject();
        acceptedBatches.put(idOf(batch), batch.getInt("total"));
        KNOWN.add(Kind.BATCH, String.valueOf(idOf(batch)));
      }
      case "GET /api/messages/{id}" -> {
        for (JsonValue link : json.asJsonObject().getJsonArray("shortLinks")) {
          KNOWN.add(Kind.CODE, code(((JsonString) link).getString()));
        }
      }
      case "POST /api/campaigns" -> {
        createdCampaigns.add(idOf(json.asJsonObject()));
        KNOWN.add(Kind.CAMPAIGN, String.valueOf(idOf(json.asJsonObject())));
      }
      case "POST /api/links" -> {
        createdLinks.add(idOf(json.asJsonObject()));
        KNOWN.add(Kind.LINK, String.valueOf(idOf(json.asJsonObject())));
        KNOWN.add(Kind.CODE, code(json.asJsonObject().getString("shortUrl")));
      }
      case "GET /api/links" -> {
        for (JsonObject link :
            json.asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class)) {
          KNOWN.add(Kind.LINK, String.valueOf(idOf(link)));
        }
      }
      case "POST /api/rules" -> {
        createdRules.add(idOf(json.asJsonObject()));
        KNOWN.add(Kind.RULE, String.valueOf(idOf(json.asJsonObject())));
      }
      case "POST /api/contacts" -> {
        String id = json.asJsonObject().getString("id");
        createdContacts.add(id);
        KNOWN.add(Kind.CONTACT, id);
      }
      case "POST /api/admin/api-keys" -> {
        createdApiKeys.add(idOf(json.asJsonObject()));
        KNOWN.add(Kind.API_KEY, String.valueOf(idOf(json.asJsonObject())));
      }
      case "POST /api/admin/bot-agents" -> {
        for (String text : Linktrack.strings(json.asJsonObject().getJsonArray("stored"))) {
          if (!botAgentsBefore.contains(text) && !KNOWN.all(Kind.BOT_AGENT).contains(text)) {
            KNOWN.add(Kind.BOT_AGENT, text);
          }
        }
      }
      default -> {}
    }
  }

  // ---------------------------------------------------------------------------------------------
  // After the fuzzing: the summary, the invariants, and the cleanup

  @AfterContainer
  static void summaryInvariantsAndCleanup() {
    Error failure = null;
    try {
      printSummary();
      synchronized (FAILURES) {
        assertTrue(
            FAILURES.isEmpty(),
            () ->
                FAILURES.size() + " requests got a wrong answer:\n" + String.join("\n", FAILURES));
      }
      everyEndpointReachedItsValidation();
      everyAcceptedMessageIsSentOrFailedWithItsShortLinks();
      everyBatchFinishedWithAllItsMessages();
      theCountsMatchTheSuccessesSeen();
      everyCreatedRecordIsWhole();
    } catch (Error e) {
      failure = e;
    }
    try {
      cleanup();
    } catch (Error e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Refusing everything (a 401 or 403 from a new authentication layer, or 415 for every body) would
   * pass the status check: each endpoint must have answered with a success and with its own refusal
   * of bad input.
   */
  private static void everyEndpointReachedItsValidation() {
    Map<String, Set<Integer>> expected = new TreeMap<>();
    expected.put("POST /api/messages", Set.of(202, 400));
    expected.put("POST /api/messages/bulk", Set.of(202, 400));
    expected.put("GET /api/messages/{id}", Set.of(200, 404));
    expected.put("GET /api/messages/{id}/clicks", Set.of(200, 400, 404));
    expected.put("GET /api/messages", Set.of(200, 400));
    expected.put("GET /api/batches/{id}", Set.of(200, 404));
    expected.put("POST /api/campaigns", Set.of(201, 400));
    expected.put("GET /api/campaigns/{id}", Set.of(200, 404));
    expected.put("GET /api/campaigns/{id}/report", Set.of(200, 400, 404));
    expected.put("POST /api/links", Set.of(201, 400));
    expected.put("GET /api/links/{id}", Set.of(200, 404));
    expected.put("GET /api/links", Set.of(200, 400));
    expected.put("DELETE /api/links/{id}", Set.of(204, 404, 409));
    expected.put("POST /api/rules", Set.of(201, 400));
    expected.put("GET /api/rules", Set.of(200));
    expected.put("GET /api/rules/status", Set.of(200));
    expected.put("GET /api/rules/{id}", Set.of(200, 404));
    expected.put("PUT /api/rules/{id}", Set.of(200, 400, 404));
    expected.put("DELETE /api/rules/{id}", Set.of(204, 404));
    expected.put("GET /api/alerts", Set.of(200, 400));
    expected.put("POST /api/contacts", Set.of(201, 400, 409));
    expected.put("GET /api/contacts/{id}", Set.of(200, 404));
    expected.put("GET /api/contacts/{id}/timeline", Set.of(200, 400));
    expected.put("GET /api/tasks", Set.of(200, 400));
    expected.put("GET /api/tasks/{id}", Set.of(200, 404));
    expected.put("GET /api/exports/links.csv", Set.of(200, 400));
    expected.put("GET /api/exports/messages.csv", Set.of(200, 400));
    expected.put("GET /api/admin/bot-agents", Set.of(200));
    expected.put("POST /api/admin/bot-agents", Set.of(200, 400));
    expected.put("DELETE /api/admin/bot-agents/{text}", Set.of(200, 404));
    expected.put("DELETE /api/admin/bot-agents?text=", Set.of(200, 404));
    expected.put("POST /api/admin/reclassify", Set.of(200, 400));
    expected.put("POST /api/admin/api-keys", Set.of(201, 400));
    expected.put("GET /api/admin/api-keys", Set.of(200));
    expected.put("DELETE /api/admin/api-keys/{id}", Set.of(200, 404));
    expected.put("GET /{code}", Set.of(302, 404));
    expected.put("HEAD /{code}", Set.of(302, 404));
    List<String> missing = new ArrayList<>();
    expected.forEach(
        (endpoint, statuses) -> {
          Tally tally = TALLIES.getOrDefault(endpoint, new Tally());
          for (int status : statuses) {
            if (!tally.byStatus.containsKey(status)) {
              missing.add(endpoint + " never answered " + status + " (saw " + tally.byStatus + ")");
            }
          }
        });
    assertTrue(
        missing.isEmpty(),
        () -> "Endpoints the fuzzer never got past:\n" + String.join("\n", missing));
  }

  private static void everyAcceptedMessageIsSentOrFailedWithItsShortLinks() {
    Instant deadline = Instant.now().plusSeconds(120);
    for (long id : acceptedMessages) {
      JsonObject message = Linktrack.message(id);
      while (!Set.of("SENT", "FAILED").contains(message.getString("status"))
          && Instant.now().isBefore(deadline)) {
        sleep(200);
        message = Linktrack.message(id);
      }
      String status = message.getString("status");
      assertTrue(
          Set.of("SENT", "FAILED").contains(status),
          "accepted message " + id + " should be SENT or FAILED, is " + status);
      assertShortLinksInBody(message);
    }
  }

  /** A shortened message has its tracked body, and each of its short links is in it. */
  private static void assertShortLinksInBody(JsonObject message) {
    if (!Set.of("READY", "SENT").contains(message.getString("status"))) {
      return;
    }
    assertFalse(
        message.isNull("trackedBody"),
        "message "
            + message.getInt("id")
            + " is "
            + message.getString("status")
            + " without a tracked body");
    String tracked = message.getString("trackedBody");
    for (String shortLink : Linktrack.strings(message.getJsonArray("shortLinks"))) {
      assertTrue(
          tracked.contains(shortLink),
          "message " + message.getInt("id") + " lists " + shortLink + " but does not contain it");
    }
  }

  private static void everyBatchFinishedWithAllItsMessages() {
    acceptedBatches.forEach(
        (batch, total) -> {
          JsonObject progress =
              Linktrack.await(
                  "batch " + batch + " to finish",
                  () -> Linktrack.getJson("api/batches/" + batch),
                  b -> b.getBoolean("finished"),
                  Duration.ofSeconds(120));
          assertEquals(total, progress.getInt("total"), "batch " + batch + " total");
          JsonObject messages = Linktrack.getJson("api/messages?size=500&batchId=" + batch);
          assertEquals(
              total.longValue(),
              messages.getJsonNumber("total").longValue(),
              "batch " + batch + " should hold exactly the messages it accepted");
          for (JsonObject message : messages.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertTrue(Set.of("SENT", "FAILED").contains(message.getString("status")));
            assertShortLinksInBody(message);
          }
        });
  }

  private static void theCountsMatchTheSuccessesSeen() {
    long sent = acceptedMessages.size() + acceptedBatches.values().stream().mapToLong(i -> i).sum();
    assertEquals(
        messagesBefore + sent,
        total("api/messages?size=1"),
        "messages stored: those before plus every 202 the fuzzer got, no more");
    assertEquals(
        customLinksBefore + createdLinks.size(),
        total("api/links?type=CUSTOM&size=1"),
        "custom links stored: those before plus every 201 the fuzzer got, no more");
    long deletedOwn = deletedRules.stream().filter(createdRules::contains).count();
    assertEquals(
        rulesBefore + createdRules.size() - deletedOwn,
        rules().size(),
        "rules stored: those before plus every 201, less every 204 of a DELETE");
  }

  private static void everyCreatedRecordIsWhole() {
    for (long campaign : createdCampaigns) {
      JsonObject stored = Linktrack.getJson("api/campaigns/" + campaign);
      assertFalse(stored.getString("name").isBlank(), "campaign " + campaign + " has a blank name");
    }
    for (long link : createdLinks) {
      JsonObject stored = Linktrack.getJson("api/links/" + link);
      String url = stored.getString("originalUrl").toLowerCase();
      assertTrue(
          url.startsWith("http://") || url.startsWith("https://"),
          "link " + link + " leads to " + url);
      assertFalse(stored.getString("name").isBlank(), "link " + link + " has a blank name");
    }
    for (JsonObject rule : rules()) {
      if (createdRules.contains(idOf(rule))) {
        int actions = rule.getJsonArray("actions").size();
        assertTrue(
            actions >= 1 && actions <= 10, "rule " + idOf(rule) + " has " + actions + " actions");
        assertFalse(rule.getString("name").isBlank(), "rule " + idOf(rule) + " has a blank name");
      }
    }
    Map<Long, JsonObject> keys = new TreeMap<>();
    for (JsonObject key : apiKeys()) {
      keys.put(idOf(key), key);
    }
    for (long key : createdApiKeys) {
      JsonObject stored = keys.get(key);
      assertTrue(stored != null, "API key " + key + " was created but is not listed");
      assertFalse(stored.getString("name").isBlank(), "API key " + key + " has a blank name");
      assertTrue(
          Set.of("admin", "sender", "viewer").contains(stored.getString("role")),
          "API key " + key + " has the role " + stored.get("role"));
      assertFalse(stored.containsKey("key"), "the list shows API key " + key + " itself");
    }
    for (String contact : createdContacts) {
      // closed at once: the client's pool has few connections, and an open answer holds one
      try (Response read = Linktrack.get("api/contacts/" + FuzzRequests.encode(contact))) {
        assertEquals(200, read.getStatus(), "contact " + contact + " was created");
      }
    }
  }

  /** Leaves the server as other tests expect it: no fuzzed rules, no fuzzed bot texts. */
  private static void cleanup() {
    if (botAgentsBefore == null) {
      return; // the fixtures failed: nothing was fuzzed
    }
    for (long key : createdApiKeys) {
      // revoked, not deleted: a revoked key stays listed, and none of these is left usable
      Linktrack.client()
          .target(Linktrack.BASE + "/api/admin/api-keys/" + key)
          .request()
          .delete()
          .close();
    }
    for (long rule : createdRules) {
      Linktrack.client().target(Linktrack.BASE + "/api/rules/" + rule).request().delete().close();
    }
    for (String text : storedBotAgents()) {
      if (!botAgentsBefore.contains(text)) {
        Linktrack.client()
            .target(
                URI.create(
                    Linktrack.BASE + "/api/admin/bot-agents?text=" + FuzzRequests.encode(text)))
            .request()
            .delete()
            .close();
      }
    }
    assertEquals(botAgentsBefore, storedBotAgents(), "the fuzzed bot texts are removed again");
  }

  private static void printSummary() {
    long millis = (System.nanoTime() - started.get()) / 1_000_000;
    StringBuilder out = new StringBuilder("\nFuzzIT: requests per endpoint\n");
    String columns = "%-38s %7s %6s %6s %6s %6s %6s %7s %6s %6s%n";
    out.append(
        String.format(
            columns,
            "endpoint",
            "tried",
            "2xx",
            "3xx",
            "400",
            "404",
            "4xx",
            "5xx/err",
            "URI",
            "ms"));
    long total = 0;
    for (Map.Entry<String, Tally> entry : new TreeMap<>(TALLIES).entrySet()) {
      Tally t = entry.getValue();
      total += t.tried;
      out.append(
          String.format(
              columns,
              entry.getKey(),
              t.tried,
              t.range(200),
              t.range(300),
              t.exactly(400) - t.refusedByContainer,
              t.exactly(404),
              t.range(400) - t.exactly(400) - t.exactly(404),
              t.range(500) + t.exactly(-1),
              t.refusedByContainer,
              String.format("%.1f", t.nanos / 1e6 / Math.max(1, t.tried))));
    }
    out.append(
        String.format(
            "%-38s %7d   in %d s; seed %s; messages accepted %d, batches %d, campaigns %d,"
                + " links %d, rules %d, contacts %d, API keys %d%n"
                + "(400: refused by validation; URI: a request URI the servlet container refused;"
                + " ms: mean time per request)%n",
            "total",
            total,
            millis / 1000,
            SEED,
            acceptedMessages.size(),
            acceptedBatches.size(),
            createdCampaigns.size(),
            createdLinks.size(),
            createdRules.size(),
            createdContacts.size(),
            createdApiKeys.size()));
    System.out.println(out);
  }

  /** The answers of one endpoint, by status (-1: no answer). */
  static final class Tally {
    final Map<Integer, Integer> byStatus = new TreeMap<>();
    int tried;
    int refusedByContainer;
    long nanos;

    synchronized void count(int status, long nanos) {
      tried++;
      this.nanos += nanos;
      byStatus.merge(status, 1, Integer::sum);
    }

    int exactly(int status) {
      return byStatus.getOrDefault(status, 0);
    }

    int range(int from) {
      return byStatus.entrySet().stream()
          .filter(e -> e.getKey() >= from && e.getKey() < from + 100)
          .mapToInt(Map.Entry::getValue)
          .sum();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonObject post201(String path, String json) {
    Response response = Linktrack.post(path, json);
    String body = response.readEntity(String.class);
    assertEquals(201, response.getStatus(), () -> "fixture " + path + ": " + body);
    return parseObject(body);
  }

  private static long idOf(JsonObject object) {
    return object.getJsonNumber("id").longValue();
  }

  private static String code(String shortUrl) {
    return shortUrl.substring(shortUrl.lastIndexOf('/') + 1);
  }

  private static long total(String path) {
    return Linktrack.getJson(path).getJsonNumber("total").longValue();
  }

  private static List<JsonObject> rules() {
    Response response = Linktrack.get("api/rules");
    JsonArray rules = parse(response.readEntity(String.class)).asJsonArray();
    return rules.getValuesAs(JsonObject.class);
  }

  private static List<JsonObject> apiKeys() {
    try (Response response = Linktrack.get("api/admin/api-keys")) {
      return parse(response.readEntity(String.class)).asJsonArray().getValuesAs(JsonObject.class);
    }
  }

  private static Set<String> storedBotAgents() {
    return new HashSet<>(
        Linktrack.strings(Linktrack.getJson("api/admin/bot-agents").getJsonArray("stored")));
  }

  private static JsonValue parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    return value instanceof JsonObject object ? object : null;
  }

  private static String excerpt(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String shown =
        text.length() > 300 ? text.substring(0, 300) + "...(" + bytes.length + " bytes)" : text;
    return quote(shown);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
