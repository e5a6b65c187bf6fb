package io.linktrack.links.boundary;

import io.linktrack.links.entity.Destination;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.StorableInstants;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A request for a custom link: {@code url}, {@code name}, and optionally campaign and expiry. */
public record CustomLinkDraft(
    Destination destination, String name, Long campaignId, Instant expiresAt) {

  public static CustomLinkDraft fromJson(JsonFields json) {
    Destination destination = Destination.of(json.text("url"));
    String name = json.text("name");
    Long campaignId = json.wholeNumber("campaignId");
    String expiresAt = json.text("expiresAt");
    return new CustomLinkDraft(destination, name, campaignId, instant("expiresAt", expiresAt));
  }

  private static Instant instant(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return StorableInstants.check(field, Instant.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          field, field + " must be an ISO-8601 instant, like 2026-12-31T23:59:59Z");
    }
  }
}
