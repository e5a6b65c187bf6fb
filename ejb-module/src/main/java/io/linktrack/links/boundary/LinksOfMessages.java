package io.linktrack.links.boundary;

import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.entity.ShortCode;
import io.linktrack.platform.InList;
import io.linktrack.platform.StreamingRead;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The links of some messages with their counters: a message's clicks, first and last click are
 * those of its links (a message as the API shows it, the messages export, a contact's totals). A
 * message keeps no copy of its click fields; they are its links' counters, which the click path
 * keeps exact, so they can never disagree. One query per {@value InList#MAX} messages.
 */
@ApplicationScoped
public class LinksOfMessages {

  /** One link of a message: its destination, its code, its place in the text and its counters. */
  public record MessageLink(
      long id,
      long messageId,
      String originalUrl,
      String code,
      int position,
      long clicks,
      long botClicks,
      Instant firstClick,
      Instant lastClick) {

    /** A person clicked it (bots' hits never set the first click). */
    public boolean wasClicked() {
      return firstClick != null;
    }
  }

  /** What a message's links counted, in the API's terms. */
  public record Totals(
      long clicks,
      long uniqueClicks,
      long botClicks,
      Instant firstClick,
      Instant lastClick,
      List<String> linksClicked,
      List<String> shortLinks) {

    /** A message without links (not prepared yet, or not tracked). */
    public static final Totals NONE = new Totals(0, 0, 0, null, null, List.of(), List.of());

    /** {@code links} of one message, in order of first appearance in the body. */
    static Totals of(List<MessageLink> links, String shortBaseUrl) {
      return new Totals(
          links.stream().mapToLong(MessageLink::clicks).sum(),
          links.stream().filter(MessageLink::wasClicked).count(),
          links.stream().mapToLong(MessageLink::botClicks).sum(),
          links.stream()
              .map(MessageLink::firstClick)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null),
          links.stream()
              .map(MessageLink::lastClick)
              .filter(Objects::nonNull)
              .max(Comparator.naturalOrder())
              .orElse(null),
          // each clicked URL once, in the order of their first click
          links.stream()
              .filter(MessageLink::wasClicked)
              .sorted(
                  Comparator.comparing(MessageLink::firstClick)
                      .thenComparingInt(MessageLink::position))
              .map(MessageLink::originalUrl)
              .toList(),
          links.stream().map(link -> ShortCode.shortUrl(shortBaseUrl, link.code())).toList());
    }
  }

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject ShortLinks shortLinks;

  LinksOfMessages() {}

  /** On a database of its own, outside the server. */
  public LinksOfMessages(DataSource dataSource, ShortLinks shortLinks) {
    this.dataSource = dataSource;
    this.shortLinks = shortLinks;
  }

  /** The totals of each of the messages that has links (one query for a whole page). */
  public Map<Long, Totals> totals(Collection<Long> messageIds) {
    Map<Long, List<MessageLink>> byMessage = new LinkedHashMap<>();
    for (MessageLink link : of(messageIds)) {
      byMessage.computeIfAbsent(link.messageId(), id -> new ArrayList<>()).add(link);
    }
    String base = shortLinks.baseUrl();
    Map<Long, Totals> totals = new LinkedHashMap<>();
    byMessage.forEach((id, links) -> totals.put(id, Totals.of(links, base)));
    return totals;
  }

  public Totals totals(long messageId) {
    return totals(List.of(messageId)).getOrDefault(messageId, Totals.NONE);
  }

  /** The links of these messages, by message and position; a message without links has none. */
  public List<MessageLink> of(Collection<Long> messageIds) {
    List<MessageLink> links = new ArrayList<>();
    if (messageIds.isEmpty()) {
      return links;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> slice : InList.chunks(messageIds)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT ID, MESSAGE_ID, ORIGINAL_URL, CODE, POSITION, CLICKS, BOT_CLICKS,"
                    + " FIRST_CLICK, LAST_CLICK"
                    + " FROM LT_LINK WHERE MESSAGE_ID IN "
                    + InList.of(slice)
                    + " ORDER BY MESSAGE_ID, POSITION")) {
          InList.bind(select, 1, slice);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              links.add(
                  new MessageLink(
                      rows.getLong(1),
                      rows.getLong(2),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getInt(5),
                      rows.getLong(6),
                      rows.getLong(7),
                      StreamingRead.instant(rows, 8),
                      StreamingRead.instant(rows, 9)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the links of messages", e);
    }
    return links;
  }
}
