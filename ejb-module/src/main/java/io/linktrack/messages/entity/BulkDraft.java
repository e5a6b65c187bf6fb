package io.linktrack.messages.entity;

import io.linktrack.links.control.BodyFormat;
import io.linktrack.platform.InvalidInput;
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
    if (recipients == null || recipients.isEmpty()) {
      throw new InvalidInput("recipients", "A bulk send needs at least one recipient");
    }
    if (recipients.size() > MAX_RECIPIENTS) {
      throw new InvalidInput(
          "recipients",
          "A bulk send has at most 100,000 recipients; this one has " + recipients.size());
    }
    this.channel = channel;
    this.from = from;
    this.subject = subject;
    this.body = body;
    this.campaignId = campaignId;
    this.trackLinks = trackLinks;
    this.recipients = recipients;
    this.html = BodyFormat.of(channel.isEmail(), body) == BodyFormat.HTML;
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

  public int size() {
    return recipients.size();
  }

  public Long campaignId() {
    return campaignId;
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
