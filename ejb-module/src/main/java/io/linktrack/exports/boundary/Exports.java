package io.linktrack.exports.boundary;

import io.linktrack.campaigns.boundary.CampaignNames;
import io.linktrack.exports.control.CsvExport;
import io.linktrack.exports.control.LinksCsv;
import io.linktrack.exports.control.MessagesCsv;
import io.linktrack.links.boundary.ExportedLinks;
import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.messages.boundary.ExportedMessages;
import io.linktrack.platform.StreamingRead;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The CSV exports of links and messages, written straight to the response as the rows come from the
 * database. Exports owns no table: links and messages stream their rows ({@link ExportedLinks},
 * {@link ExportedMessages}), and each chunk of rows asks campaigns for the names and links for the
 * counters of its messages.
 *
 * <p>Runs outside a container transaction, which would be cut during a long download; see {@link
 * StreamingRead}. Rows are in order of creation, oldest first. Times are ISO-8601 instants in UTC;
 * counters are the links' counters, as in the API.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Exports {

  @Inject ExportedLinks links;
  @Inject ExportedMessages messages;
  @Inject LinksOfMessages linksOfMessages;
  @Inject CampaignNames campaigns;

  int chunkSize = CsvExport.CHUNK;

  public void writeLinks(ExportQuery query, OutputStream out) throws IOException {
    LinksCsv csv = new LinksCsv(out, campaigns, chunkSize);
    links.stream(query.from(), query.to(), query.campaignId(), csv);
    csv.finish();
  }

  public void writeMessages(ExportQuery query, OutputStream out) throws IOException {
    MessagesCsv csv = new MessagesCsv(out, campaigns, linksOfMessages, chunkSize);
    messages.stream(query.from(), query.to(), query.campaignId(), csv);
    csv.finish();
  }
}
