package io.linktrack.messages.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The messages sent to a contact (those naming its {@code contactId}): a contact's clicks are the
 * clicks of these messages.
 */
@ApplicationScoped
public class ContactMessages {

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  ContactMessages() {}

  /** On a database of its own, outside the server. */
  public ContactMessages(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The ids of the contact's messages, oldest first; none for a contact no message names. */
  public List<Long> of(String contactId) {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT ID FROM LT_MESSAGE WHERE CONTACT_ID = ? ORDER BY ID")) {
      select.setString(1, contactId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the messages of a contact", e);
    }
    return ids;
  }
}
