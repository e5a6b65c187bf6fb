package io.linktrack.rules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.platform.InList;
import io.linktrack.platform.JsonFields;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.RuleDraft;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMetricsTest {

  private static Rule rule(String fields) {
    return new Rule(
        RuleDraft.fromJson(
            JsonFields.parse(
                "{\"name\":\"r\",\"threshold\":1,"
                    + fields
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":\"s\"}]}",
                "A rule")),
        Instant.now());
  }

  @Test
  void inListsComeInAFewSizes() {
    List<List<Integer>> chunks = InList.chunks(List.of(1, 2, 3));
    assertEquals(List.of(List.of(1, 2, 3, 3, 3, 3, 3, 3, 3, 3)), chunks);
    assertEquals(
        3, InList.chunks(java.util.stream.IntStream.range(0, 1001).boxed().toList()).size());
  }

  @Test
  void linkRowsAreCountedPerRuleInMemory() {
    List<RuleMetrics.LinkRow> contact =
        List.of(
            new RuleMetrics.LinkRow(1, 10L, "https://a.example/pricing", 3, 7L, "c"),
            new RuleMetrics.LinkRow(2, 11L, "https://a.example/pricing", 1, 8L, "c"),
            new RuleMetrics.LinkRow(3, 11L, "https://a.example/blog", 0, 8L, "c"));
    assertEquals(
        4, RuleMetrics.value(rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\""), contact));
    assertEquals(
        1,
        RuleMetrics.value(rule("\"scope\":\"CONTACT\",\"metric\":\"UNIQUE_CLICKS\""), contact),
        "the same URL in two messages is one distinct link; unclicked links do not count");
    assertEquals(
        2, RuleMetrics.value(rule("\"scope\":\"MESSAGE\",\"metric\":\"UNIQUE_CLICKS\""), contact));
    assertEquals(
        1,
        RuleMetrics.value(
            rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\",\"campaignId\":8"), contact));
    assertEquals(
        0,
        RuleMetrics.value(
            rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\",\"urlContains\":\"/blog\""),
            contact));
  }
}
