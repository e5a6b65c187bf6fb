package io.linktrack.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The server is ready, and on the database this test run was meant for (CI runs both). */
class ReadinessIT {

  @Test
  void theServerIsReadyOnTheIntendedDatabase() {
    JsonObject health = Linktrack.json(Linktrack.get("health/ready"));
    assertEquals("UP", health.getString("status"));
    JsonObject database =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> "database".equals(check.getString("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database readiness check: " + health));
    String product = database.getJsonObject("data").getString("product").toLowerCase(Locale.ROOT);
    String intended = System.getProperty("it.db", "derby");
    assertTrue(
        product.contains(intended.equals("postgresql") ? "postgres" : "derby"),
        "the tests were meant to run on " + intended + " but the server uses " + product);
  }
}
