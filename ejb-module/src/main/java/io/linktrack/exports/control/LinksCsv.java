package io.linktrack.exports.control;

import io.linktrack.campaigns.boundary.CampaignNames;
import io.linktrack.links.boundary.ExportedLinks;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** links.csv: one line per link, with its campaign's name. */
public final class LinksCsv extends CsvExport<ExportedLinks.Row> {

  private static final String[] HEADER = {
    "id",
    "type",
    "name",
    "originalUrl",
    "shortUrl",
    "campaignId",
    "campaign",
    "messageId",
    "createdAt",
    "expiresAt",
    "retiredAt",
    "clicks",
    "uniqueClicks",
    "botClicks",
    "firstClick",
    "lastClick"
  };

  private final CampaignNames campaigns;

  public LinksCsv(OutputStream out, CampaignNames campaigns, int chunkSize) throws IOException {
    super(out, HEADER, chunkSize);
    this.campaigns = campaigns;
  }

  @Override
  protected void write(List<ExportedLinks.Row> links) throws IOException {
    Map<Long, String> names =
        campaigns.of(
            links.stream().map(ExportedLinks.Row::campaignId).filter(Objects::nonNull).toList());
    for (ExportedLinks.Row link : links) {
      line(
          link.id(),
          link.type(),
          SafeCells.text(link.name()),
          SafeCells.text(link.originalUrl()),
          link.shortUrl(),
          link.campaignId(),
          SafeCells.text(link.campaignId() == null ? null : names.get(link.campaignId())),
          link.messageId(),
          link.createdAt(),
          link.expiresAt(),
          link.retiredAt(),
          link.clicks(),
          link.clicks() > 0 ? 1 : 0,
          link.botClicks(),
          link.firstClick(),
          link.lastClick());
    }
  }
}
