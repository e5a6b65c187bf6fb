package io.linktrack.messages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  private static final Map<String, String> FIELDS =
      Map.of("name", "Ann & <Bob>", "code", "42", "first.name", "Ann", "$x", "\\1");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hi {{name}}!               | false | Hi Ann & <Bob>!",
        "Hi {{ name }}!             | false | Hi Ann & <Bob>!",
        "Code {{code}}{{code}}      | false | Code 4242",
        "Hi {{unknown}}!            | false | Hi !",
        "Hi {{first.name}}          | false | Hi Ann",
        "No placeholders            | false | No placeholders",
        "Braces {single} {{ }}      | false | Braces {single} {{ }}",
        "<p>Hi {{name}}</p>         | true  | <p>Hi Ann &amp; &lt;Bob&gt;</p>",
        "Link https://x.com/{{code}} | false | Link https://x.com/42"
      })
  void fillsPlaceholdersAndNeverLeavesOneUnfilled(String template, boolean html, String expected) {
    assertEquals(expected, Template.fill(template, FIELDS, html));
  }

  @ParameterizedTest
  @CsvSource({"'{{a}}', ''", "'x{{a}}y', 'xy'"})
  void aRecipientWithoutFieldsGetsEmptyValues(String template, String expected) {
    assertEquals(expected, Template.fill(template, null, false));
  }
}
