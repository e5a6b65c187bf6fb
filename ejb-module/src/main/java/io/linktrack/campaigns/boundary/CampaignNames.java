package io.linktrack.campaigns.boundary;

import io.linktrack.platform.InList;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The names of campaigns by id, for rows of other features that carry a campaign id (the CSV
 * exports name each row's campaign). One query per {@value InList#MAX} ids.
 */
@ApplicationScoped
public class CampaignNames {

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  CampaignNames() {}

  /** On a database of its own, outside the server. */
  public CampaignNames(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The names of these campaigns; an id without a campaign is not in the map. */
  public Map<Long, String> of(Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> slice : InList.chunks(ids)) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT ID, NAME FROM LT_CAMPAIGN WHERE ID IN " + InList.of(slice))) {
          InList.bind(select, 1, slice);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              names.put(rows.getLong(1), rows.getString(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read campaign names", e);
    }
    return names;
  }
}
