package io.linktrack.exports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SafeCellsTest {

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
    assertEquals("'=HYPERLINK(\"http://evil\")", SafeCells.text("=HYPERLINK(\"http://evil\")"));
    assertEquals("'+15551234567", SafeCells.text("+15551234567"));
    assertEquals("'-2+3", SafeCells.text("-2+3"));
    assertEquals("'@SUM(A1)", SafeCells.text("@SUM(A1)"));
    assertEquals("'\t=1", SafeCells.text("\t=1"));
    assertEquals("'\r=1", SafeCells.text("\r=1"));
  }

  @Test
  void otherCellsAreLeftAsTheyAre() {
    assertEquals("Autumn sale", SafeCells.text("Autumn sale"));
    assertEquals("https://example.com/a=1", SafeCells.text("https://example.com/a=1"));
    assertEquals("a=b", SafeCells.text("a=b"));
    assertEquals("", SafeCells.text(""));
    assertNull(SafeCells.text(null));
  }
}
