package io.linktrack.rules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import io.linktrack.platform.JsonFields;
import io.linktrack.rules.control.ClickContext.ClickedLink;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.RuleDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignTalliesTest {

  private static Rule rule(String metric, String extra) {
    return new Rule(
        RuleDraft.fromJson(
            JsonFields.parse(
                "{\"name\":\"r\",\"scope\":\"CAMPAIGN\",\"threshold\":5,\"metric\":\""
                    + metric
                    + "\""
                    + extra
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":\"s\"}]}",
                "A rule")),
        Instant.now());
  }

  private static final Map<Long, ClickedLink> LINKS =
      Map.of(
          1L, new ClickedLink(1, "https://a.example/pricing", 10L, 7L, "c"),
          2L, new ClickedLink(2, "https://a.example/blog", 10L, 7L, "c"),
          3L, new ClickedLink(3, "https://a.example/pricing", 11L, 8L, "d"),
          4L, new ClickedLink(4, "https://a.example/pricing", null, null, null));

  private static List<FedClick> clicks(long... linkIds) {
    return java.util.Arrays.stream(linkIds)
        .mapToObj(id -> new FedClick(id, LINKS.get(id).messageId(), Instant.now()))
        .toList();
  }

  @Test
  void eachCountedClickCanAddOneClick() {
    assertEquals(
        Map.of("7", 3L, "8", 1L),
        CampaignTallies.growth(rule("CLICKS", ""), clicks(1, 1, 2, 3, 4), LINKS));
    assertEquals(
        Map.of("7", 2L, "8", 1L),
        CampaignTallies.growth(
            rule("CLICKS", ",\"urlContains\":\"pricing\""), clicks(1, 1, 2, 3, 4), LINKS));
  }

  @Test
  void eachClickedMessageCanAddOneUniqueClick() {
    assertEquals(
        Map.of("7", 1L, "8", 1L),
        CampaignTallies.growth(rule("UNIQUE_CLICKS", ""), clicks(1, 1, 2, 3), LINKS));
  }
}
