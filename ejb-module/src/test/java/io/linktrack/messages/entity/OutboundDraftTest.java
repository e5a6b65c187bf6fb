package io.linktrack.messages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundDraftTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"channel\":\"SMS\",\"body\":\"hi\"}                                  | to",
        "{\"channel\":\"SMS\",\"to\":\" \",\"body\":\"hi\"}                     | to",
        "{\"channel\":\"SMS\",\"to\":\"1\"}                                     | body",
        "{\"channel\":\"SMS\",\"to\":\"1\",\"body\":\"\\n\"}                    | body",
        "{\"channel\":\"FAX\",\"to\":\"1\",\"body\":\"hi\"}                     | channel",
        "{\"to\":\"1\",\"body\":\"hi\"}                                         | channel",
        "{\"channel\":\"SMS\",\"to\":1,\"body\":\"hi\"}                         | to",
        "{\"channel\":\"SMS\",\"to\":\"1\",\"body\":\"hi\",\"trackLinks\":\"yes\"} | trackLinks",
        "{\"channel\":\"SMS\",\"to\":\"1\",\"body\":\"hi\",\"campaignId\":1.5}  | campaignId",
        "{\"channel\":\"SMS\",\"to\":\"1\",\"body\":\"hi\",\"campaignId\":99999999999999999999} | campaignId"
      })
  void aRecordThatBreaksARuleNamesTheField(String json, String field) {
    InvalidInput error =
        assertThrows(
            InvalidInput.class, () -> OutboundDraft.fromJson(JsonFields.parse(json, "A message")));
    assertEquals(field, error.field());
  }

  @Test
  void smsBodiesStopAt1600CharactersAndEmailBodiesAt1MegabyteOfUtf8() {
    new OutboundDraft(Channel.SMS, "1", null, null, "a".repeat(1600), null, null, null, null);
    assertThrows(
        InvalidInput.class,
        () ->
            new OutboundDraft(
                Channel.SMS, "1", null, null, "a".repeat(1601), null, null, null, null));
    new OutboundDraft(
        Channel.EMAIL, "a@b", null, null, "é".repeat(524_288), null, null, null, null);
    assertThrows(
        InvalidInput.class,
        () ->
            new OutboundDraft(
                Channel.EMAIL, "a@b", null, null, "é".repeat(524_289), null, null, null, null));
  }

  @Test
  void channelNamesAreCaseInsensitiveAndValuesAreTrimmed() {
    OutboundDraft draft =
        OutboundDraft.fromJson(
            JsonFields.parse(
                "{\"channel\":\"email\",\"to\":\" ann@example.com \",\"from\":\"\",\"body\":\"hi\"}",
                "A message"));
    assertEquals(Channel.EMAIL, draft.channel());
    assertEquals("ann@example.com", draft.to());
    assertEquals(null, draft.from(), "a blank optional field is no value");
  }
}
