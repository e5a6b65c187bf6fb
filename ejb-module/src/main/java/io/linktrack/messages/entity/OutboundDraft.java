package io.linktrack.messages.entity;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;

/**
 * One outbound message as a sender hands it over, before Linktrack has stored it. The constructor
 * holds every rule a message must satisfy, so the REST API and the JMS queue accept exactly the
 * same records.
 *
 * @param trackLinks null means "as the campaign and configuration say"
 */
public record OutboundDraft(
    Channel channel,
    String to,
    String from,
    String subject,
    String body,
    Long campaignId,
    String contactId,
    Boolean trackLinks,
    Long batchId) {

  public static final int MAX_ADDRESS = 320;
  public static final int MAX_SUBJECT = 998;
  public static final int MAX_REFERENCE = 255;

  public OutboundDraft {
    if (channel == null) {
      throw new InvalidInput("channel", "channel is required: SMS or EMAIL");
    }
    to = required("to", to, MAX_ADDRESS);
    from = optional("from", from, MAX_ADDRESS);
    subject = optional("subject", subject, MAX_SUBJECT);
    contactId = optional("contactId", contactId, MAX_REFERENCE);
    if (body == null || body.isBlank()) {
      throw new InvalidInput("body", "body is required and must not be blank");
    }
    channel.checkBody(body);
  }

  /**
   * Reads an outbound message record: {@code channel, to, from?, subject?, body, campaignId?,
   * contactId?, trackLinks?}. The same record is accepted by POST /api/messages and on the queue.
   */
  public static OutboundDraft fromJson(JsonFields json) {
    return new OutboundDraft(
        Channel.parse(json.text("channel")),
        json.text("to"),
        json.text("from"),
        json.text("subject"),
        json.text("body"),
        json.wholeNumber("campaignId"),
        json.text("contactId"),
        json.bool("trackLinks"),
        null);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, field + " is required and must not be blank");
    }
    return optional(field, value, max);
  }

  private static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw new InvalidInput(field, field + " is at most " + max + " characters");
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
