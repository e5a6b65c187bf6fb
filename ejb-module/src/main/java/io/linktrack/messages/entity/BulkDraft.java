package io.linktrack.messages.entity;

import io.linktrack.links.boundary.MessageLinks;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk send: one template for many recipients. Every recipient's message is checked when the
 * draft is made, so a bulk request is accepted whole or refused whole, before anything is stored.
 */
public final class BulkDraft {

  public static final int MAX_RECIPIENTS = 100_000;

  public record Recipient(String to, String contactId, Map<String, String> fields) {}

  private final Channel channel;
  private final String from;
  private final String subject;
  private final String body;
  private final Long campaignId;
  private final Boolean trackLinks;
  private final List<Recipient> recipients;
  // Decided once for the template: merge values are escaped, so they cannot change it.
  private final boolean html;

  public BulkDraft(
      Channel channel,
      String from,
      String subject,
      String body,
      Long campaignId,
      Boolean trackLinks,
      List<Recipient> recipients) {
    if (channel == null) {
      throw new InvalidInput("channel", "channel is required: SMS or EMAIL");
    }
    if (body == null || body.isBlank()) {
      throw new InvalidInput("body", "body is required and must not be blank");
    }
    checkCount(recipients == null ? 0 : recipients.size());
    this.channel = channel;
    this.from = from;
    this.subject = subject;
    this.body = body;
    this.campaignId = campaignId;
    this.trackLinks = trackLinks;
    this.recipients = recipients;
    this.html = MessageLinks.isHtml(channel.isEmail(), body);
    for (int i = 0; i < recipients.size(); i++) {
      if (recipients.get(i) == null) {
        throw new InvalidInput("recipients[" + i + "]", "A recipient must be an object");
      }
      try {
        messageFor(i, null);
      } catch (InvalidInput e) {
        throw new InvalidInput("recipients[" + i + "]." + e.field(), e.getMessage());
      }
    }
  }

  /**
   * Reads a bulk request: {@code channel, from?, subject?, body, campaignId?, trackLinks?,
   * recipients: [{to, contactId?, fields?: {name: value}}]}. Merge values may be strings, numbers
   * or booleans.
   */
  public static BulkDraft fromJson(JsonFields json) {
    JsonArray list = json.array("recipients");
    checkCount(list == null ? 0 : list.size());
    List<Recipient> recipients = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonFields recipient = JsonFields.element(list, i, "recipients");
      recipients.add(
          new Recipient(
              recipient.text("to"),
              recipient.text("contactId"),
              fields(recipient.object("fields"))));
    }
    return new BulkDraft(
        Channel.parse(json.text("channel")),
        json.text("from"),
        json.text("subject"),
        json.text("body"),
        json.wholeNumber("campaignId"),
        json.bool("trackLinks"),
        recipients);
  }

  private static Map<String, String> fields(JsonFields fields) {
    if (fields == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : fields.names()) {
      values.put(name, fields.scalarText(name));
    }
    return values;
  }

  private static void checkCount(int count) {
    if (count == 0) {
      throw new InvalidInput("recipients", "A bulk send needs at least one recipient");
    }
    if (count > MAX_RECIPIENTS) {
      throw new InvalidInput(
          "recipients", "A bulk send has at most 100,000 recipients; this one has " + count);
    }
  }

  public int size() {
    return recipients.size();
  }

  public Long campaignId() {
    return campaignId;
  }

  public Channel channel() {
    return channel;
  }

  /** The template body, before merging. */
  public String body() {
    return body;
  }

  public Boolean trackLinks() {
    return trackLinks;
  }

  /** The personalised message of the recipient at {@code index}. */
  public OutboundDraft messageFor(int index, Long batchId) {
    Recipient recipient = recipients.get(index);
    return new OutboundDraft(
        channel,
        recipient.to(),
        from,
        Template.fill(subject, recipient.fields(), false),
        Template.fill(body, recipient.fields(), html),
        campaignId,
        recipient.contactId(),
        trackLinks,
        batchId);
  }
}
