package io.linktrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "ann\u0000", "\uD800", "x\uDFFF", "\uD83D", "\uDE00\uD83D"})
  void textNoDatabaseTakesIsRefusedNamingTheField(String text) {
    InvalidInput refused =
        assertThrows(InvalidInput.class, () -> StorableText.check("assignee", text));
    assertEquals("assignee", refused.field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ann", "Ünïcödé", "\uD83D\uDE00 emoji", "<b>'; --"})
  void anyOtherTextPasses(String text) {
    assertEquals(text, StorableText.check("assignee", text));
  }

  @Test
  void absentTextStaysAbsent() {
    assertNull(StorableText.check("assignee", null));
  }
}
