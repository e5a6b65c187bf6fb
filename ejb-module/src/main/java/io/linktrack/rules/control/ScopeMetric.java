package io.linktrack.rules.control;

import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.entity.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What one {@link Scope} means: which subject a link belongs to, what a unique click is, where the
 * links of its subjects are found, and where a subject is seen in the API. One object per scope
 * ({@link RuleMetrics#of}); the queries themselves are the owners' ({@code LinkTotals}, {@code
 * ClickCounts}, {@code MessageDirectory}).
 */
interface ScopeMetric {

  Scope scope();

  /** The subject a link belongs to: its message, itself, its contact or its campaign (or null). */
  String subjectOf(SubjectLink link);

  /** The API record of a subject, for alerts (null: a single link has none of its own). */
  String apiLink(String subjectId, String apiBaseUrl);

  /** What {@code UNIQUE_CLICKS} counts once among a subject's clicked links. */
  Object uniqueKey(SubjectLink link);

  /** Whether {@link #uniqueKey} is the destination, which window counts then have to look up. */
  default boolean uniqueByUrl() {
    return false;
  }

  /**
   * Whether a rule without a window keeps a tally instead of reading the links of its subjects (see
   * {@link CampaignTallies}): only where a subject has too many links to read at every click.
   */
  default boolean tallied() {
    return false;
  }

  /**
   * The links of the given subjects, as link ids or as message ids, with the campaign and contact
   * of each message involved. {@code known} holds the messages of the new clicks.
   */
  Selection select(
      Collection<String> subjects, Map<Long, MessageEntry> known, MessageDirectory messages);

  /** Where the links of some subjects are: given links, or every link of given messages. */
  record Selection(boolean byLink, List<Long> ids, Map<Long, MessageEntry> messages) {}

  static List<Long> ids(Collection<String> subjects) {
    return subjects.stream().map(Long::valueOf).toList();
  }
}
