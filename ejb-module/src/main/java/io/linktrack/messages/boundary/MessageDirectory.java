package io.linktrack.messages.boundary;

import io.linktrack.platform.InList;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which campaign and contact a message belongs to, and which messages a contact or a campaign has:
 * what readers of clicks (the rules) need to group a message's clicks by contact or campaign. Only
 * the ids asked for are read, in {@link InList} chunks; the work joins the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MessageDirectory {

  /** A message, its campaign and its contact (either may be null). */
  public record MessageEntry(long messageId, Long campaignId, String contactId) {}

  static final String COLUMNS = "SELECT ID, CAMPAIGN_ID, CONTACT_ID FROM LT_MESSAGE WHERE ";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  /** The given messages (unknown ids are absent). */
  public List<MessageEntry> of(Collection<Long> messageIds) {
    return entries("ID", messageIds, true);
  }

  /** Every message of the given contacts. */
  public List<MessageEntry> ofContacts(Collection<String> contactIds) {
    return entries("CONTACT_ID", contactIds, false);
  }

  /** Every message of the given campaigns. */
  public List<MessageEntry> ofCampaigns(Collection<Long> campaignIds) {
    return entries("CAMPAIGN_ID", campaignIds, true);
  }

  private <T> List<MessageEntry> entries(String column, Collection<T> values, boolean numeric) {
    List<MessageEntry> entries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (List<T> chunk : InList.chunks(values)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                COLUMNS + column + " IN (" + InList.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            if (numeric) {
              select.setLong(i + 1, (Long) chunk.get(i));
            } else {
              select.setString(i + 1, (String) chunk.get(i));
            }
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long campaign = rows.getLong(2);
              Long campaignId = rows.wasNull() ? null : campaign;
              entries.add(new MessageEntry(rows.getLong(1), campaignId, rows.getString(3)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read messages by " + column, e);
    }
    return entries;
  }
}
