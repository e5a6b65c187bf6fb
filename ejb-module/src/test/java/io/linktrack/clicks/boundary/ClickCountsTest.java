package io.linktrack.clicks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClickCountsTest {

  @Test
  void withAWindowThePeoplesClickRowsInsideItAreCounted() {
    assertEquals(
        "SELECT c.LINK_ID, c.MESSAGE_ID, COUNT(*) FROM LT_CLICK c WHERE c.MESSAGE_ID IN (?)"
            + " AND c.CLICKED_AT > ? AND c.CLICKED_AT <= ? AND c.BOT = FALSE"
            + " GROUP BY c.LINK_ID, c.MESSAGE_ID",
        ClickCounts.sql("c.MESSAGE_ID", 1));
  }
}
