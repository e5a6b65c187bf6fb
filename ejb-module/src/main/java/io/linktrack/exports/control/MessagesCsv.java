package io.linktrack.exports.control;

import io.linktrack.campaigns.boundary.CampaignNames;
import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.links.boundary.LinksOfMessages.Totals;
import io.linktrack.messages.boundary.ExportedMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    Map<Long, Totals> totalsByMessage =
        links.totals(messages.stream().map(ExportedMessages.Row::id).toList());
    for (ExportedMessages.Row message : messages) {
      Totals totals = totalsByMessage.getOrDefault(message.id(), Totals.NONE);
      line(
          message.id(),
          message.channel(),
          SafeCells.text(message.to()),
          message.status(),
          message.campaignId(),
          SafeCells.text(message.campaignId() == null ? null : names.get(message.campaignId())),
          message.createdAt(),
          totals.clicks(),
          totals.firstClick(),
          totals.lastClick(),
          // as linksClicked in the API: the clicked URLs in the order of their first click
          SafeCells.text(String.join(" ", totals.linksClicked())));
    }
  }
}
