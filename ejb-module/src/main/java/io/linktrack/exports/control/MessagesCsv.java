package io.linktrack.exports.control;

import io.linktrack.campaigns.boundary.CampaignNames;
import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.links.boundary.LinksOfMessages.MessageLink;
import io.linktrack.messages.boundary.ExportedMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * messages.csv: one line per message, with its campaign's name and, summed over its links, its
 * clicks, first and last click and the URLs clicked, as in the API.
 */
public final class MessagesCsv extends CsvExport<ExportedMessages.Row> {

  private static final String[] HEADER = {
    "id",
    "channel",
    "to",
    "status",
    "campaignId",
    "campaign",
    "createdAt",
    "clicks",
    "firstClick",
    "lastClick",
    "linksClicked"
  };

  private final CampaignNames campaigns;
  private final LinksOfMessages links;

  public MessagesCsv(
      OutputStream out, CampaignNames campaigns, LinksOfMessages links, int chunkSize)
      throws IOException {
    super(out, HEADER, chunkSize);
    this.campaigns = campaigns;
    this.links = links;
  }

  @Override
  protected void write(List<ExportedMessages.Row> messages) throws IOException {
    Map<Long, String> names =
        campaigns.of(
            messages.stream()
                .map(ExportedMessages.Row::campaignId)
                .filter(Objects::nonNull)
                .toList());
    Map<Long, List<MessageLink>> linksByMessage =
        links.of(messages.stream().map(ExportedMessages.Row::id).toList()).stream()
            .collect(Collectors.groupingBy(MessageLink::messageId));
    for (ExportedMessages.Row message : messages) {
      Totals totals = new Totals(linksByMessage.getOrDefault(message.id(), List.of()));
      line(
          message.id(),
          message.channel(),
          SafeCells.text(message.to()),
          message.status(),
          message.campaignId(),
          SafeCells.text(message.campaignId() == null ? null : names.get(message.campaignId())),
          message.createdAt(),
          totals.clicks,
          totals.firstClick,
          totals.lastClick,
          SafeCells.text(totals.linksClicked()));
    }
  }

  /** A message's counters: those of its links, summed. */
  private static final class Totals {
    final List<MessageLink> clicked = new ArrayList<>();
    long clicks;
    Instant firstClick;
    Instant lastClick;

    Totals(List<MessageLink> links) {
      for (MessageLink link : links) {
        clicks += link.clicks();
        Instant first = link.firstClick();
        Instant last = link.lastClick();
        if (first != null) {
          clicked.add(link);
          firstClick = firstClick == null || first.isBefore(firstClick) ? first : firstClick;
        }
        if (last != null) {
          lastClick = lastClick == null || last.isAfter(lastClick) ? last : lastClick;
        }
      }
    }

    /** As linksClicked in the API: the clicked URLs in the order of their first click. */
    String linksClicked() {
      return clicked.stream()
          .sorted(
              Comparator.comparing(MessageLink::firstClick).thenComparingInt(MessageLink::position))
          .map(MessageLink::originalUrl)
          .collect(Collectors.joining(" "));
    }
  }
}
