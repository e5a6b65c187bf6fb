package io.linktrack.links.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkTotalsTest {

  @Test
  void withoutAWindowTheLinkCountersOfACampaignAreSummed() {
    assertEquals(
        "SELECT l.CAMPAIGN_ID, SUM(l.CLICKS) FROM LT_LINK l WHERE l.CAMPAIGN_ID IN (?,?)"
            + " AND l.MESSAGE_ID IS NOT NULL GROUP BY l.CAMPAIGN_ID",
        LinkTotals.campaignSql(false, false, 2));
  }

  @Test
  void uniqueClicksOfACampaignAreItsMessagesWithAClick() {
    String sql = LinkTotals.campaignSql(true, true, 1);
    assertTrue(sql.contains("COUNT(DISTINCT l.MESSAGE_ID)") && sql.contains("l.CLICKS > 0"), sql);
    assertTrue(sql.contains("l.ORIGINAL_URL LIKE ? ESCAPE '!'"), sql);
  }

  @Test
  void urlContainsIsPlainTextNotAPattern() {
    assertEquals("50!%!_off!!", LinkTotals.escapeLike("50%_off!"));
  }
}
