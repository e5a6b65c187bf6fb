package io.linktrack.messages.rest;

import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.Channel;
import io.linktrack.platform.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Body of POST /api/messages/bulk: one template, many recipients with their merge fields. */
public record BulkRequest(
    String channel,
    String from,
    String subject,
    String body,
    Long campaignId,
    Boolean trackLinks,
    List<RecipientRequest> recipients) {

  /** Merge-field values may be strings, numbers or booleans; they are filled in as text. */
  public record RecipientRequest(String to, String contactId, Map<String, Object> fields) {}

  BulkDraft toDraft() {
    if (recipients == null) {
      throw new InvalidInput("recipients", "A bulk send needs at least one recipient");
    }
    List<BulkDraft.Recipient> converted = new ArrayList<>(recipients.size());
    for (RecipientRequest recipient : recipients) {
      converted.add(
          recipient == null
              ? null
              : new BulkDraft.Recipient(
                  recipient.to(), recipient.contactId(), asText(recipient.fields())));
    }
    return new BulkDraft(
        Channel.parse(channel), from, subject, body, campaignId, trackLinks, converted);
  }

  private static Map<String, String> asText(Map<String, Object> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    Map<String, String> text = new LinkedHashMap<>();
    fields.forEach((name, value) -> text.put(name, value == null ? null : value.toString()));
    return text;
  }
}
