package io.linktrack.clicks.control;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.linktrack.clicks.entity.AddressRange;
import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Hit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells people from previewers, scanners and other bots, before a hit counts. Each signal is
 * configurable; the first that applies is the reason recorded. Nothing here stops the redirect:
 * whatever the verdict, the recipient (or the scanner) is sent on.
 */
@ApplicationScoped
public class BotFilter {

  static final String BUILT_IN_LIST = "/io/linktrack/clicks/bot-user-agents.txt";

  @Inject
  @ConfigProperty(name = "linktrack.bots.user-agents")
  Optional<String> extraUserAgents;

  @Inject
  @ConfigProperty(name = "linktrack.bots.address-ranges")
  Optional<String> addressRanges;

  @Inject
  @ConfigProperty(name = "linktrack.bots.min-delay-after-send", defaultValue = "PT2S")
  Duration minDelayAfterSend;

  @Inject
  @ConfigProperty(name = "linktrack.bots.head-and-prefetch", defaultValue = "true")
  boolean headAndPrefetch;

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  private volatile List<String> configuredTexts;
  private volatile List<String> userAgentTexts;
  private List<AddressRange> ranges;
  // the same few hundred user agents make most hits: match each once
  private final LoadingCache<String, Boolean> knownBotAgent =
      Caffeine.newBuilder().maximumSize(20_000).build(this::matchesList);

  /** A filter with the given settings, for use outside the server (tests). */
  public static BotFilter of(String extraUserAgents, String addressRanges, Duration minDelay) {
    BotFilter filter = new BotFilter();
    filter.extraUserAgents = Optional.ofNullable(extraUserAgents);
    filter.addressRanges = Optional.ofNullable(addressRanges);
    filter.minDelayAfterSend = minDelay;
    filter.headAndPrefetch = true;
    filter.load();
    return filter;
  }

  @PostConstruct
  void load() {
    List<String> texts = new ArrayList<>(builtInList());
    texts.addAll(commaSeparated(extraUserAgents));
    configuredTexts = lowerCase(texts);
    userAgentTexts = configuredTexts;
    ranges = commaSeparated(addressRanges).stream().map(AddressRange::parse).toList();
    reload();
  }

  /**
   * Reads the texts admins stored (see {@code BotAgents}) and uses them in addition to the built-in
   * and configured ones for the hits judged from now on; answers the stored texts.
   */
  public List<String> reload() {
    List<String> stored = storedTexts();
    List<String> texts = new ArrayList<>(configuredTexts);
    texts.addAll(stored);
    List<String> merged = lowerCase(texts);
    if (!merged.equals(userAgentTexts)) {
      userAgentTexts = merged;
      knownBotAgent.invalidateAll();
    }
    return stored;
  }

  private List<String> storedTexts() {
    if (dataSource == null) {
      return List.of(); // outside the server
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT AGENT_TEXT FROM LT_BOT_AGENT ORDER BY AGENT_TEXT");
        ResultSet rows = select.executeQuery()) {
      List<String> texts = new ArrayList<>();
      while (rows.next()) {
        texts.add(rows.getString(1));
      }
      return texts;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the stored bot user-agent texts", e);
    }
  }

  /** Every text a user agent is matched against: built in, configured and stored. */
  public List<String> userAgentTexts() {
    return userAgentTexts;
  }

  private static List<String> lowerCase(List<String> texts) {
    return texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /** The verdict on a live hit of a link whose message was sent at {@code sentAt} (or null). */
  public Optional<BotReason> judge(Hit hit, Instant at, Instant sentAt) {
    if (headAndPrefetch && hit.head()) {
      return Optional.of(BotReason.HEAD);
    }
    if (headAndPrefetch && hit.prefetch()) {
      return Optional.of(BotReason.PREFETCH);
    }
    return rescore(
        hit.userAgent(), AnonymizedAddress.literal(hit.clientAddress()).orElse(null), at, sentAt);
  }

  /**
   * The verdict of the signals that can be judged again from what is stored: the user agent, the
   * (anonymised) address and the timing. Used for live hits and when stored clicks are rescored.
   */
  public Optional<BotReason> rescore(
      String userAgent, InetAddress address, Instant at, Instant sentAt) {
    if (userAgent == null || userAgent.isBlank()) {
      return Optional.of(BotReason.NO_USER_AGENT);
    }
    if (knownBotAgent.get(userAgent)) {
      return Optional.of(BotReason.USER_AGENT);
    }
    if (address != null && ranges.stream().anyMatch(range -> range.contains(address))) {
      return Optional.of(BotReason.ADDRESS_RANGE);
    }
    if (sentAt != null && at.isBefore(sentAt.plus(minDelayAfterSend))) {
      return Optional.of(BotReason.TOO_SOON);
    }
    return Optional.empty();
  }

  private boolean matchesList(String userAgent) {
    String lower = userAgent.toLowerCase(Locale.ROOT);
    for (String text : userAgentTexts) {
      if (lower.contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> builtInList() {
    try (InputStream in = BotFilter.class.getResourceAsStream(BUILT_IN_LIST);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + BUILT_IN_LIST, e);
    }
  }

  private static List<String> commaSeparated(Optional<String> value) {
    return value.stream()
        .flatMap(text -> Arrays.stream(text.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
