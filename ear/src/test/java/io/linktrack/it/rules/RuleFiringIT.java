package io.linktrack.it.rules;

import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.post;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.rules.RuleSupport.INTERVAL;
import static io.linktrack.it.rules.RuleSupport.alerts;
import static io.linktrack.it.rules.RuleSupport.awaitActionsSettled;
import static io.linktrack.it.rules.RuleSupport.awaitAlerts;
import static io.linktrack.it.rules.RuleSupport.click;
import static io.linktrack.it.rules.RuleSupport.createRule;
import static io.linktrack.it.rules.RuleSupport.id;
import static io.linktrack.it.rules.RuleSupport.messageIdOf;
import static io.linktrack.it.rules.RuleSupport.parse;
import static io.linktrack.it.rules.RuleSupport.pause;
import static io.linktrack.it.rules.RuleSupport.shortLinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rules firing on real clicks, with their actions received by a real webhook endpoint and a real
 * SMTP server. Each test restricts its rules to a campaign of its own, so that the clicks of other
 * tests never count.
 */
class RuleFiringIT {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
          new ServerSetup(
              Integer.getInteger("it.smtp.port", 9325), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** Enough for any pass and action run to have happened: a few intervals. */
  private static final Duration QUIET = INTERVAL.multipliedBy(3);

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static long newCampaign() {
    return id(createCampaign("rules-" + UUID.randomUUID(), true));
  }

  @Test
  void aMessageClickedThreeTimesAgainstThresholdTwoFiresOnceWithEveryAction() throws Exception {
    String contact = "003-" + UUID.randomUUID();
    assertEquals(201, post("api/contacts", "{\"id\":" + quote(contact) + "}").getStatus());
    String assignee = "sales-" + UUID.randomUUID();
    String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    long campaign = newCampaign();
    try (WebhookReceiver hook = WebhookReceiver.start()) {
      long rule =
          id(
              createRule(
                  "{\"name\":\"Hot lead\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\","
                      + "\"threshold\":2,\"campaignId\":"
                      + campaign
                      + ",\"actions\":["
                      + "{\"type\":\"WEBHOOK\",\"url\":"
                      + quote(hook.url())
                      + ",\"secret\":\"s3cret\"},"
                      + "{\"type\":\"EMAIL\",\"to\":"
                      + quote(owner)
                      + ",\"subject\":\"Hot lead!\"},"
                      + "{\"type\":\"TAG_CONTACT\",\"tag\":\"hot-lead\"},"
                      + "{\"type\":\"CREATE_TASK\",\"assignee\":"
                      + quote(assignee)
                      + ",\"subject\":\"Call them today\"}]}"));
      long message =
          messageIdOf(
              ",\"campaignId\":" + campaign + ",\"contactId\":" + quote(contact),
              "https://shop.example.com/pricing");
      String link = shortLinks(message).get(0);

      click(link);
      click(link);
      pause(QUIET);
      assertTrue(alerts(rule).isEmpty(), "two clicks are not more than 2: no alert yet");

      Instant crossing = Instant.now();
      click(link);
      JsonObject alert = awaitAlerts(rule, 1, TIMEOUT).get(0);
      Instant firedAt = Instant.parse(alert.getString("firedAt"));
      assertTrue(
          Duration.between(crossing, firedAt).compareTo(INTERVAL.multipliedBy(2)) <= 0,
          "the alert fires within two intervals of the crossing click, not after "
              + Duration.between(crossing, firedAt));
      assertEquals(Long.toString(message), alert.getString("subjectId"));
      assertEquals(3, alert.getJsonNumber("value").longValue());
      assertEquals(2, alert.getJsonNumber("threshold").longValue());
      assertEquals(contact, alert.getString("contactId"));

      JsonObject settled = awaitActionsSettled(rule, TIMEOUT);
      for (JsonObject action : settled.getJsonArray("actions").getValuesAs(JsonObject.class)) {
        assertEquals("DONE", action.getString("state"), () -> "every action is done: " + action);
        assertEquals(1, action.getInt("attempts"));
      }

      // the webhook: one signed POST
      Linktrack.await("the webhook", hook::received, received -> !received.isEmpty(), TIMEOUT);
      assertEquals(1, hook.received().size(), "the webhook is called once");
      WebhookReceiver.Received call = hook.received().get(0);
      assertEquals(
          "sha256=" + hmac("s3cret", call.body()),
          call.signature(),
          "the signature is the HMAC-SHA256 of the body with the secret");
      JsonObject payload = parse(call.body());
      assertEquals(rule, payload.getJsonObject("rule").getJsonNumber("id").longValue());
      assertEquals("Hot lead", payload.getJsonObject("rule").getString("name"));
      assertEquals("MESSAGE", payload.getJsonObject("subject").getString("type"));
      assertEquals(Long.toString(message), payload.getJsonObject("subject").getString("id"));
      assertEquals(3, payload.getJsonNumber("value").longValue());
      assertEquals(2, payload.getJsonNumber("threshold").longValue());
      assertEquals(alert.getString("firedAt"), payload.getString("firedAt"));
      assertEquals(
          Linktrack.BASE + "/api/messages/" + message,
          payload.getJsonObject("links").getString("subject"));
      assertEquals(
          Linktrack.BASE + "/api/rules/" + rule, payload.getJsonObject("links").getString("rule"));

      // the mail
      MimeMessage mail =
          Linktrack.await(
              "the notification mail to " + owner,
              () -> mailTo(owner),
              found -> found != null,
              TIMEOUT);
      assertEquals("Hot lead!", mail.getSubject());
      String text = GreenMailUtil.getBody(mail);
      assertTrue(text.contains("Hot lead"), () -> "the mail names the rule: " + text);
      assertTrue(
          text.contains("/api/messages/" + message), () -> "the mail links the message: " + text);
      assertEquals("linktrack@it.example.com", mail.getFrom()[0].toString());

      // the tag and the task
      JsonObject contactRecord = getJson("api/contacts/" + contact);
      assertEquals(List.of("hot-lead"), Linktrack.strings(contactRecord.getJsonArray("tags")));
      assertEquals(3, contactRecord.getJsonNumber("clicks").longValue());
      assertEquals(3, contactRecord.getJsonArray("recentClicks").size());
      JsonObject tasks = getJson("api/tasks?assignee=" + assignee);
      assertEquals(1, tasks.getJsonNumber("total").longValue(), "one task for the assignee");
      JsonObject task = tasks.getJsonArray("items").getJsonObject(0);
      assertEquals("Call them today", task.getString("subject"));
      assertEquals(contact, task.getString("contactId"));

      // a fourth click fires nothing more
      click(link);
      pause(QUIET);
      assertEquals(1, alerts(rule).size(), "the rule fires once per message");
      assertEquals(1, hook.received().size(), "no second webhook");
      assertEquals(1, getJson("api/tasks?assignee=" + assignee).getInt("total"));
    }
  }

  @Test
  void aWebhookThatFailsTwiceGetsTheAlertOnTheThirdAttempt() throws Exception {
    long campaign = newCampaign();
    try (WebhookReceiver hook = WebhookReceiver.failingFirst(2)) {
      long rule =
          id(
              createRule(
                  "{\"name\":\"Flaky receiver\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\","
                      + "\"threshold\":0,\"campaignId\":"
                      + campaign
                      + ",\"actions\":[{\"type\":\"WEBHOOK\",\"url\":"
                      + quote(hook.url())
                      + "}]}"));
      long message =
          messageIdOf(",\"campaignId\":" + campaign, "https://example.com/retry-" + campaign);
      click(shortLinks(message).get(0));

      JsonObject alert = awaitActionsSettled(rule, TIMEOUT);
      JsonObject action = alert.getJsonArray("actions").getJsonObject(0);
      assertEquals("DONE", action.getString("state"), () -> "the webhook got through: " + action);
      assertEquals(3, action.getInt("attempts"), "two failures, then success");
      assertEquals(2, hook.refused().size());
      assertEquals(1, hook.received().size());
      assertEquals(hook.refused().get(0).body(), hook.received().get(0).body());
      assertTrue(
          hook.refused().get(1).at().isAfter(hook.refused().get(0).at()),
          "attempts follow one another");
    }
  }

  @Test
  void anActionThatCannotSucceedIsParkedFailedWithItsReasonBesideTheOnesThatWorked()
      throws Exception {
    long campaign = newCampaign();
    try (WebhookReceiver hook = WebhookReceiver.start()) {
      // the message has no contactId: tagging its contact can never work, and is not retried
      long rule =
          id(
              createRule(
                  "{\"name\":\"Tag a contact that is not there\",\"scope\":\"MESSAGE\","
                      + "\"metric\":\"CLICKS\",\"threshold\":0,\"campaignId\":"
                      + campaign
                      + ",\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"hot\"},"
                      + "{\"type\":\"WEBHOOK\",\"url\":"
                      + quote(hook.url())
                      + "}]}"));
      long message =
          messageIdOf(",\"campaignId\":" + campaign, "https://example.com/park-" + campaign);
      click(shortLinks(message).get(0));

      JsonObject alert = awaitActionsSettled(rule, TIMEOUT);
      JsonObject tag = alert.getJsonArray("actions").getJsonObject(0);
      assertEquals("FAILED", tag.getString("state"), () -> "parked, not dropped: " + tag);
      assertEquals(
          "The MESSAGE " + message + " has no contact to tag",
          tag.getString("lastError"),
          "the reason is shown with the action");
      assertEquals(1, tag.getInt("attempts"), "retrying cannot help, so it is tried once");
      assertTrue(tag.isNull("nextAttemptAt"), "a parked action has no next attempt");
      JsonObject webhook = alert.getJsonArray("actions").getJsonObject(1);
      assertEquals("DONE", webhook.getString("state"), "the other action is carried out anyway");
      assertEquals(1, hook.received().size());
    }
  }

  @Test
  void aDisabledRuleFiresNothing() {
    long campaign = newCampaign();
    String assignee = "nobody-" + UUID.randomUUID();
    long rule =
        id(
            createRule(
                "{\"name\":\"Off\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":0,"
                    + "\"enabled\":false,\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":"
                    + quote(assignee)
                    + ",\"subject\":\"x\"}]}"));
    long message = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/off");
    click(shortLinks(message).get(0));
    click(shortLinks(message).get(0));
    pause(QUIET);
    assertTrue(alerts(rule).isEmpty(), "a disabled rule fires nothing");
    assertEquals(0, getJson("api/tasks?assignee=" + assignee).getInt("total"));
  }

  @Test
  void previewsAndScannersNeverFireARule() {
    long campaign = newCampaign();
    long rule =
        id(
            createRule(
                "{\"name\":\"Any click\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\","
                    + "\"threshold\":0,\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\","
                    + "\"subject\":\"x\"}]}"));
    long message = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/preview");
    String link = shortLinks(message).get(0);
    for (String agent :
        List.of(
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
            "WhatsApp/2.23.20.0 A")) {
      assertEquals(
          302,
          Linktrack.client().target(link).request().header("User-Agent", agent).get().getStatus(),
          "a preview is redirected like anyone");
    }
    Linktrack.client().target(link).request().head().close();
    pause(QUIET);
    assertTrue(alerts(rule).isEmpty(), "bot hits are no clicks, so no rule fires on them");
    assertEquals(4, Linktrack.message(message).getInt("botClicks"));

    click(link); // a person
    assertEquals(1, awaitAlerts(rule, 1, TIMEOUT).get(0).getJsonNumber("value").longValue());
  }

  @Test
  void urlContainsCountsOnlyClicksOnMatchingLinks() {
    long campaign = newCampaign();
    long rule =
        id(
            createRule(
                "{\"name\":\"Pricing\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,"
                    + "\"urlContains\":\"/pricing\",\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":"
                    + "\"x\"}]}"));
    long message =
        messageIdOf(
            ",\"campaignId\":" + campaign,
            "https://example.com/blog",
            "https://example.com/pricing?plan=pro");
    List<String> links = shortLinks(message);
    click(links.get(0));
    click(links.get(0));
    Linktrack.pauseLikeAPerson(); // two links at once would be a scanner's burst
    click(links.get(1));
    pause(QUIET);
    assertTrue(
        alerts(rule).isEmpty(), "three clicks, but only one on a /pricing link: not above 1");
    click(links.get(1));
    JsonObject alert = awaitAlerts(rule, 1, TIMEOUT).get(0);
    assertEquals(2, alert.getJsonNumber("value").longValue(), "only the /pricing clicks count");
  }

  @Test
  void campaignIdCountsOnlyMessagesOfThatCampaign() {
    long campaign = newCampaign();
    long other = newCampaign();
    long rule =
        id(
            createRule(
                "{\"name\":\"Campaign only\",\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\","
                    + "\"threshold\":1,\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":"
                    + "\"x\"}]}"));
    long outside = messageIdOf(",\"campaignId\":" + other, "https://example.com/other");
    click(shortLinks(outside).get(0));
    click(shortLinks(outside).get(0));
    click(shortLinks(outside).get(0));
    long inside = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/inside");
    click(shortLinks(inside).get(0));
    pause(QUIET);
    assertTrue(alerts(rule).isEmpty(), "clicks of another campaign do not count");
    long second = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/inside2");
    click(shortLinks(second).get(0));
    JsonObject alert = awaitAlerts(rule, 1, TIMEOUT).get(0);
    assertEquals(Long.toString(campaign), alert.getString("subjectId"));
    assertEquals(2, alert.getJsonNumber("value").longValue());
  }

  @Test
  void uniqueClicksOfAContactCountDistinctLinksAcrossItsMessages() {
    long campaign = newCampaign();
    String contact = "003-" + UUID.randomUUID();
    long rule =
        id(
            createRule(
                "{\"name\":\"Engaged\",\"scope\":\"CONTACT\",\"metric\":\"UNIQUE_CLICKS\","
                    + "\"threshold\":1,\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"engaged\"}]}"));
    String contactField = ",\"campaignId\":" + campaign + ",\"contactId\":" + quote(contact);
    long first = messageIdOf(contactField, "https://example.com/a");
    long second = messageIdOf(contactField, "https://example.com/a");
    click(shortLinks(first).get(0));
    click(shortLinks(first).get(0));
    click(shortLinks(second).get(0));
    pause(QUIET);
    assertTrue(alerts(rule).isEmpty(), "the same URL three times is one distinct link");
    long third = messageIdOf(contactField, "https://example.com/b");
    click(shortLinks(third).get(0));
    JsonObject alert = awaitAlerts(rule, 1, TIMEOUT).get(0);
    assertEquals(contact, alert.getString("subjectId"));
    assertEquals(2, alert.getJsonNumber("value").longValue());
    awaitActionsSettled(rule, TIMEOUT);
    assertEquals(
        List.of("engaged"),
        Linktrack.strings(getJson("api/contacts/" + contact).getJsonArray("tags")),
        "the contact record is made by the tag");
  }

  @Test
  void withinMinutesCountsOnlyClicksInsideTheWindow() {
    long campaign = newCampaign();
    String actions =
        ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":\"x\"}]";
    long windowed =
        id(
            createRule(
                "{\"name\":\"Burst\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":2,"
                    + "\"withinMinutes\":1,\"campaignId\":"
                    + campaign
                    + actions
                    + "}"));
    long always =
        id(
            createRule(
                "{\"name\":\"All time\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\","
                    + "\"threshold\":2,\"campaignId\":"
                    + campaign
                    + actions
                    + "}"));
    long message = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/window");
    String link = shortLinks(message).get(0);
    click(link);
    click(link);
    // the first two clicks leave the one-minute window
    pause(Duration.ofSeconds(62));
    click(link);
    awaitAlerts(always, 1, TIMEOUT);
    pause(QUIET);
    assertTrue(alerts(windowed).isEmpty(), "only one click is inside the last minute");
    click(link);
    click(link);
    JsonObject alert = awaitAlerts(windowed, 1, TIMEOUT).get(0);
    assertEquals(3, alert.getJsonNumber("value").longValue(), "three clicks in the last minute");
  }

  private static MimeMessage mailTo(String address) {
    try {
      for (MimeMessage mail : SMTP.getReceivedMessages()) {
        if (mail.getAllRecipients() != null
            && mail.getAllRecipients().length > 0
            && address.equals(mail.getAllRecipients()[0].toString())) {
          return mail;
        }
      }
      return null;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
