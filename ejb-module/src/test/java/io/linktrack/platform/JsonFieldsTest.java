package io.linktrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counter-examples FuzzIT found, as plain cases. */
class JsonFieldsTest {

  @Test
  void aDocumentNestedDeeperThanTheParserTakesIsInvalidInputNotACrash() {
    String deep = "{\"threshold\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001);
    InvalidInput refused = assertThrows(InvalidInput.class, () -> JsonFields.parse(deep, "A rule"));
    assertEquals(null, refused.field());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\\u0000", "a\\u0000b", "\\uD800", "x\\uDFFF", "\\uD83D", "\\uDE00\\uD83D"})
  void textWithNulOrAnUnpairedSurrogateIsRefusedNamingTheField(String escaped) {
    JsonFields contact = JsonFields.parse("{\"id\":\"" + escaped + "\"}", "A contact");
    InvalidInput refused = assertThrows(InvalidInput.class, () -> contact.text("id"));
    assertEquals("id", refused.field());
  }

  @Test
  void pairedSurrogatesAreText() {
    assertEquals("😀", JsonFields.parse("{\"name\":\"\\uD83D\\uDE00\"}", "A contact").text("name"));
  }
}
