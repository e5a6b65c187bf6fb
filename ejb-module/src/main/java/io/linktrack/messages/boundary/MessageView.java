package io.linktrack.messages.boundary;

import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.messages.entity.Channel;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.MessageStatus;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A message as the API shows it, with its link-tracking fields (its links' totals). */
@JsonbNillable
public record MessageView(
    Long id,
    Channel channel,
    String to,
    String from,
    String subject,
    String body,
    String trackedBody,
    MessageStatus status,
    String failureReason,
    Long campaignId,
    String contactId,
    Long batchId,
    boolean trackLinks,
    Instant createdAt,
    long clicks,
    long uniqueClicks,
    long botClicks,
    Instant firstClick,
    Instant lastClick,
    List<String> linksClicked,
    List<String> shortLinks) {

  static MessageView of(Message message, LinksOfMessages.Totals links) {
    return new MessageView(
        message.id(),
        message.channel(),
        message.to(),
        message.from(),
        message.subject(),
        message.body(),
        message.trackedBody(),
        message.status(),
        message.failureReason(),
        message.campaignId(),
        message.contactId(),
        message.batchId(),
        message.trackLinks() == null || message.trackLinks(),
        message.createdAt(),
        links.clicks(),
        links.uniqueClicks(),
        links.botClicks(),
        links.firstClick(),
        links.lastClick(),
        links.linksClicked(),
        links.shortLinks());
  }
}
