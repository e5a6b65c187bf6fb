package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.BotFilter;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The user-agent texts admins add to the bot list at run time, for previewers and scanners the
 * built-in list does not know yet. Stored in the database so every server uses them: the server
 * that takes a change applies it at once, the others within 30 seconds. Hits judged before a change
 * keep their verdict until {@link Reclassification} scores them again.
 */
@Stateless
public class BotAgents {

  public static final int MAX_TEXT = 200;

  /** The lists a user agent is matched against: stored by admins, and all in force. */
  public record BotAgentList(List<String> stored, List<String> inForce) {}

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject BotFilter filter;

  public BotAgentList list() {
    return new BotAgentList(filter.reload(), filter.userAgentTexts());
  }

  public BotAgentList add(String text) {
    String normalized = normalized(text);
    if (!filter.reload().contains(normalized)) {
      update(
          "INSERT INTO LT_BOT_AGENT (AGENT_TEXT, CREATED_AT) VALUES (?, ?)",
          normalized,
          Timestamp.from(Instant.now()));
    }
    return list();
  }

  public BotAgentList remove(String text) {
    if (update("DELETE FROM LT_BOT_AGENT WHERE AGENT_TEXT = ?", normalized(text)) == 0) {
      throw new NotFound("stored bot user-agent text", text);
    }
    return list();
  }

  /** Every 30 seconds: takes up what admins changed through other servers. */
  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void refresh() {
    filter.reload();
  }

  private static String normalized(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput("text", "text is required and must not be blank");
    }
    String stripped = text.strip().toLowerCase(Locale.ROOT);
    if (stripped.length() < 3 || stripped.length() > MAX_TEXT) {
      throw new InvalidInput("text", "text has 3 to " + MAX_TEXT + " characters");
    }
    if (stripped.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInput("text", "text must not contain control characters");
    }
    return stripped;
  }

  private int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not change the stored bot user-agent texts", e);
    }
  }
}
