package io.linktrack.messages.rest;

import io.linktrack.messages.entity.Channel;
import io.linktrack.messages.entity.OutboundDraft;

/** Body of POST /api/messages. The domain draft checks every rule; this only carries the JSON. */
public record SendRequest(
    String channel,
    String to,
    String from,
    String subject,
    String body,
    Long campaignId,
    String contactId,
    Boolean trackLinks) {

  OutboundDraft toDraft() {
    return new OutboundDraft(
        Channel.parse(channel), to, from, subject, body, campaignId, contactId, trackLinks, null);
  }
}
