package io.linktrack.campaigns.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtmParametersTest {

  private static UtmParameters parse(String json) {
    return UtmParameters.fromJson(
        JsonFields.parse("{\"utmParameters\":" + json + "}", "test").object("utmParameters"),
        "utmParameters");
  }

  @Test
  void theKnownParametersAreKeptInUrlOrderAndFormEncoded() {
    UtmParameters utm =
        parse("{\"utm_term\":\"a&b\",\"utm_source\":\" crm \",\"utm_campaign\":\"Autumn sale\"}");
    assertEquals(
        Map.of("utm_source", "crm", "utm_campaign", "Autumn sale", "utm_term", "a&b"), utm.asMap());
    assertEquals("utm_source=crm&utm_campaign=Autumn+sale&utm_term=a%26b", utm.query());
  }

  @Test
  void noObjectMeansNoParameters() {
    assertEquals("", UtmParameters.fromJson(null, "utmParameters").query());
    assertEquals("", parse("{\"utm_source\":null}").query());
  }

  @Test
  void anUnknownNameABlankValueOrANonStringIsRefusedNamingTheParameter() {
    assertEquals(
        "utmParameters.utm_id",
        assertThrows(InvalidInput.class, () -> parse("{\"utm_id\":\"x\"}")).field());
    assertEquals(
        "utmParameters.utm_source",
        assertThrows(InvalidInput.class, () -> parse("{\"utm_source\":\" \"}")).field());
    assertEquals(
        "utmParameters.utm_medium",
        assertThrows(InvalidInput.class, () -> parse("{\"utm_medium\":3}")).field());
    assertEquals(
        "utmParameters.utm_term",
        assertThrows(
                InvalidInput.class,
                () -> parse("{\"utm_term\":" + Json.createValue("x".repeat(201)) + "}"))
            .field());
  }
}
