package io.linktrack.rules.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleDraftTest {

  private static final String TASK =
      "\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"ann\",\"subject\":\"Call\"}]";

  private static RuleDraft parse(String json) {
    return RuleDraft.fromJson(JsonFields.parse(json, "A rule"));
  }

  private static String rule(String scope, String metric, long threshold, String rest) {
    return "{\"name\":\"r\",\"scope\":\""
        + scope
        + "\",\"metric\":\""
        + metric
        + "\",\"threshold\":"
        + threshold
        + ","
        + rest
        + "}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown scope        | {\"name\":\"r\",\"scope\":\"PLANET\",\"metric\":\"CLICKS\",\"threshold\":1} | scope",
        "unknown metric       | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"VIEWS\",\"threshold\":1} | metric",
        "missing threshold    | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\"} | threshold",
        "negative threshold   | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":-1,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"t\"}]} | threshold",
        "no actions           | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[]} | actions",
        "unknown action       | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"SMS\"}]} | actions[0].type",
        "ftp webhook          | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"WEBHOOK\",\"url\":\"ftp://x.example/\"}]} | actions[0].url",
        "relative webhook     | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"WEBHOOK\",\"url\":\"/hook\"}]} | actions[0].url",
        "bad email            | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"EMAIL\",\"to\":\"ann\"}]} | actions[0].to",
        "window zero          | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"withinMinutes\":0,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"t\"}]} | withinMinutes",
        "tag for a campaign   | {\"name\":\"r\",\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"t\"}]} | actions[0].type",
        "unique link clicks   | {\"name\":\"r\",\"scope\":\"LINK\",\"metric\":\"UNIQUE_CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"t\"}]} | metric",
        "blank name           | {\"name\":\" \",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"TAG_CONTACT\",\"tag\":\"t\"}]} | name",
        "task without subject | {\"name\":\"r\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":1,\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\"}]} | actions[0].subject"
      })
  void aBadRuleNamesTheField(String what, String json, String field) {
    InvalidInput error = assertThrows(InvalidInput.class, () -> parse(json), what);
    assertEquals(field, error.field(), what);
  }

  @ParameterizedTest
  @CsvSource({
    "sales@example.com, true",
    "first.last+tag@sub.example.co.uk, true",
    "sales, false",
    "sales@example, false",
    "@example.com, false",
    "Sales <sales@example.com>, false",
    "a@b@example.com, false",
    "'sales@example.com, x@example.com', false"
  })
  void anEmailActionNeedsOnePlainAddress(String address, boolean valid) {
    if (valid) {
      assertEquals(address, RuleAction.email(address, null).target());
    } else {
      assertThrows(InvalidInput.class, () -> RuleAction.email(address, null), address);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "https://hooks.example.com/x, true",
    "HTTP://hooks.example.com:8080/x?y=1, true",
    "ftp://hooks.example.com/x, false",
    "mailto:ann@example.com, false",
    "https:///nohost, false",
    "hooks.example.com/x, false"
  })
  void aWebhookNeedsAnAbsoluteHttpUrl(String url, boolean valid) {
    if (valid) {
      assertEquals(url, RuleAction.webhook(url, null).target());
    } else {
      assertThrows(InvalidInput.class, () -> RuleAction.webhook(url, null), url);
    }
  }

  @Test
  void aRuleFiresOnlyAboveItsThreshold() {
    Rule rule = new Rule(parse(rule("MESSAGE", "CLICKS", 3, TASK)), Instant.now());
    assertFalse(rule.isExceededBy(2));
    assertFalse(rule.isExceededBy(3), "exactly the threshold is not more than it");
    assertTrue(rule.isExceededBy(4));
    Rule zero = new Rule(parse(rule("MESSAGE", "CLICKS", 0, TASK)), Instant.now());
    assertTrue(zero.isExceededBy(1), "threshold 0: the first click fires");
    assertFalse(zero.isExceededBy(0));
  }

  @Test
  void aNewThresholdOrWindowStartsAfreshAndANewNameDoesNot() {
    Rule rule = new Rule(parse(rule("MESSAGE", "CLICKS", 3, TASK)), Instant.now());
    assertEquals(1, rule.generation());
    rule.update(
        parse(rule("MESSAGE", "CLICKS", 3, TASK).replace("\"r\"", "\"renamed\"")), Instant.now());
    assertEquals(1, rule.generation(), "a name is not what fires");
    rule.update(parse(rule("MESSAGE", "CLICKS", 4, TASK)), Instant.now());
    assertEquals(2, rule.generation());
    rule.update(parse(rule("MESSAGE", "CLICKS", 4, "\"withinMinutes\":5," + TASK)), Instant.now());
    assertEquals(3, rule.generation());
    rule.update(
        parse(rule("MESSAGE", "CLICKS", 4, "\"withinMinutes\":5,\"enabled\":false," + TASK)),
        Instant.now());
    assertEquals(3, rule.generation(), "switching a rule off and on does not fire it again");
  }

  @Test
  void urlContainsAndCampaignRestrictWhatCounts() {
    Rule rule =
        new Rule(
            parse(
                rule(
                    "MESSAGE",
                    "CLICKS",
                    1,
                    "\"urlContains\":\"/pricing\",\"campaignId\":7," + TASK)),
            Instant.now());
    assertTrue(rule.counts("https://example.com/pricing?x", 7L));
    assertFalse(rule.counts("https://example.com/blog", 7L));
    assertFalse(rule.counts("https://example.com/pricing", 8L));
    assertFalse(rule.counts("https://example.com/pricing", null));
  }
}
