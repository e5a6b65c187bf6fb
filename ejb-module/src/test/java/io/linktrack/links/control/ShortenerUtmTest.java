package io.linktrack.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.links.entity.TrackedLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A campaign's UTM parameters on a destination: added, never overriding the sender's own. */
class ShortenerUtmTest {

  private static final String UTM = "utm_source=crm&utm_medium=sms&utm_campaign=Autumn+sale";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://a.example/p|https://a.example/p?" + UTM,
        "https://a.example/p?id=7|https://a.example/p?id=7&" + UTM,
        "https://a.example/p?utm_source=mail|"
            + "https://a.example/p?utm_source=mail&utm_medium=sms&utm_campaign=Autumn+sale",
        "https://a.example/p?utm_medium=x&utm_campaign=y#top|"
            + "https://a.example/p?utm_medium=x&utm_campaign=y&utm_source=crm#top",
        "https://a.example/#/route?x=1|https://a.example/?" + UTM + "#/route?x=1"
      })
  void theCampaignsParametersAreAddedWhereTheUrlHasNone(String url, String expected) {
    assertEquals(expected, Shortener.withUtm(url, UTM));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"https://a.example/p|''"})
  void aCampaignWithoutParametersLeavesTheUrlAlone(String url, String utm) {
    assertEquals(url, Shortener.withUtm(url, utm));
    assertEquals(url, Shortener.withUtm(url, null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"10"})
  void aUrlThatTheParametersWouldPushPastTheLimitKeepsItsOwnQuery(int room) {
    String prefix = "https://a.example/";
    String url = prefix + "x".repeat(TrackedLink.MAX_URL - prefix.length() - room);
    assertEquals(url, Shortener.withUtm(url, UTM));
  }
}
