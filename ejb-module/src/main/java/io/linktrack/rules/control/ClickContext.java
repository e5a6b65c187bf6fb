package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickFeed.FedClick;
import io.linktrack.links.boundary.LinkTotals;
import io.linktrack.links.boundary.LinkTotals.LinkTotal;
import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rules need to know about the links of a slice of new clicks: destination, message,
 * campaign and contact. The links from their owner, then their messages from theirs: two queries
 * per 500 distinct links, whatever the number of rules.
 */
@Stateless
public class ClickContext {

  /** A clicked link and the message it belongs to (message fields null for a link without one). */
  public record ClickedLink(
      long linkId, String originalUrl, Long messageId, Long campaignId, String contactId)
      implements SubjectLink {}

  @Inject LinkTotals links;

  @Inject MessageDirectory messages;

  public Map<Long, ClickedLink> linksOf(List<FedClick> clicks) {
    Set<Long> ids = clicks.stream().map(FedClick::linkId).collect(Collectors.toSet());
    List<LinkTotal> clicked = links.ofLinks(ids);
    Set<Long> messageIds =
        clicked.stream()
            .map(LinkTotal::messageId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<Long, MessageEntry> byId = new HashMap<>();
    messages.of(messageIds).forEach(message -> byId.put(message.messageId(), message));
    Map<Long, ClickedLink> context = new HashMap<>();
    for (LinkTotal link : clicked) {
      MessageEntry message = link.messageId() == null ? null : byId.get(link.messageId());
      context.put(
          link.linkId(),
          new ClickedLink(
              link.linkId(),
              link.originalUrl(),
              link.messageId(),
              message == null ? null : message.campaignId(),
              message == null ? null : message.contactId()));
    }
    return context;
  }

  /** The messages of the clicked links, as the metrics of their subjects need them. */
  public static Map<Long, MessageEntry> messagesOf(Map<Long, ClickedLink> links) {
    Map<Long, MessageEntry> messages = new HashMap<>();
    for (ClickedLink link : links.values()) {
      if (link.messageId() != null) {
        messages.putIfAbsent(
            link.messageId(),
            new MessageEntry(link.messageId(), link.campaignId(), link.contactId()));
      }
    }
    return messages;
  }
}
