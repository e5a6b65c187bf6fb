package io.linktrack.rules.control;

import io.linktrack.clicks.boundary.ClickCounts;
import io.linktrack.clicks.boundary.ClickCounts.ClickCount;
import io.linktrack.links.boundary.LinkTotals;
import io.linktrack.links.boundary.LinkTotals.LinkTotal;
import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.control.ScopeMetric.Selection;
import io.linktrack.rules.entity.Metric;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.Scope;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The metric of a rule for given subjects: what counts as a click for a rule is decided here, over
 * rows the owners of the tables hand out ({@link LinkTotals}, {@link ClickCounts}, {@link
 * MessageDirectory}); what each scope means is its {@link ScopeMetric}.
 *
 * <p>Without a window the link counters of the subjects' links are read and counted in memory: a
 * few rows per subject, however many clicks it has. With a window the subjects' people's clicks
 * inside it are counted per link, then the same way. Only the subjects given are read: a pass
 * touches what its new clicks touched, never a whole table. Campaigns without a window are summed
 * by the database, and only when their tally says so ({@link CampaignTallies}).
 */
@Stateless
public class RuleMetrics {

  private static final Map<Scope, ScopeMetric> SCOPES = new EnumMap<>(Scope.class);

  static {
    for (ScopeMetric metric :
        List.of(new MessageMetric(), new LinkMetric(), new ContactMetric(), new CampaignMetric())) {
      SCOPES.put(metric.scope(), metric);
    }
  }

  @Inject LinkTotals links;

  @Inject ClickCounts clickCounts;

  @Inject MessageDirectory messages;

  /** One tracked link of a subject, with its clicks and what rules filter on. */
  public record LinkRow(
      long linkId,
      Long messageId,
      String originalUrl,
      long clicks,
      Long campaignId,
      String contactId)
      implements SubjectLink {}

  /** What the scope means for counting. */
  static ScopeMetric of(Scope scope) {
    return SCOPES.get(scope);
  }

  /** Whether the rule is counted from link rows read once per pass (see {@link #linkRows}). */
  public static boolean countsFromLinkRows(Rule rule) {
    return rule.window() == null && !of(rule.scope()).tallied();
  }

  /**
   * The links of the given subjects of a scope that is not tallied, with their counters, grouped by
   * subject: read once per pass, shared by every rule of the scope. {@code known}: the messages of
   * the new clicks.
   */
  public Map<String, List<LinkRow>> linkRows(
      Scope scope, Collection<String> subjects, Map<Long, MessageEntry> known) {
    if (subjects.isEmpty()) {
      return new HashMap<>();
    }
    ScopeMetric metric = of(scope);
    Selection selection = metric.select(subjects, known, messages);
    List<LinkTotal> totals =
        selection.byLink() ? links.ofLinks(selection.ids()) : links.ofMessages(selection.ids());
    List<LinkRow> rows = new ArrayList<>();
    for (LinkTotal total : totals) {
      rows.add(
          row(total.linkId(), total.messageId(), total.originalUrl(), total.clicks(), selection));
    }
    return bySubject(metric, rows);
  }

  /**
   * The rule's metric over one subject's link rows: the clicks of the links it counts, or for
   * unique clicks the distinct clicked links, URLs or messages (see {@link ScopeMetric#uniqueKey}).
   */
  public static long value(Rule rule, List<LinkRow> links) {
    List<LinkRow> counted =
        links.stream().filter(link -> rule.counts(link.originalUrl(), link.campaignId())).toList();
    if (rule.metric() == Metric.CLICKS) {
      return counted.stream().mapToLong(LinkRow::clicks).sum();
    }
    ScopeMetric metric = of(rule.scope());
    return counted.stream()
        .filter(link -> link.clicks() > 0)
        .map(metric::uniqueKey)
        .distinct()
        .count();
  }

  /**
   * The metric of a rule with a window for each subject (subjects with nothing counted are absent).
   * The window ends at {@code until}: the newest click the pass has seen, so a late pass counts
   * what the crossing click saw.
   */
  public Map<String, Long> inWindow(
      Rule rule, Collection<String> subjects, Instant until, Map<Long, MessageEntry> known) {
    Map<String, Long> values = new HashMap<>();
    if (subjects.isEmpty()) {
      return values;
    }
    ScopeMetric metric = of(rule.scope());
    Selection selection = metric.select(subjects, known, messages);
    Instant after = until.minus(rule.window());
    List<ClickCount> counts =
        selection.byLink()
            ? clickCounts.ofLinks(selection.ids(), after, until)
            : clickCounts.ofMessages(selection.ids(), after, until);
    // destinations only where the rule filters or counts by them
    boolean needsUrls =
        rule.urlContains() != null
            || (rule.metric() == Metric.UNIQUE_CLICKS && metric.uniqueByUrl());
    Map<Long, String> urls = new HashMap<>();
    if (needsUrls && !counts.isEmpty()) {
      Set<Long> linkIds = counts.stream().map(ClickCount::linkId).collect(Collectors.toSet());
      links.ofLinks(linkIds).forEach(link -> urls.put(link.linkId(), link.originalUrl()));
    }
    List<LinkRow> rows = new ArrayList<>();
    for (ClickCount count : counts) {
      rows.add(
          row(
              count.linkId(),
              count.messageId(),
              urls.get(count.linkId()),
              count.clicks(),
              selection));
    }
    bySubject(metric, rows)
        .forEach(
            (subject, subjectRows) -> {
              long value = value(rule, subjectRows);
              if (value > 0) {
                values.put(subject, value);
              }
            });
    return values;
  }

  /**
   * The exact metric of a tallied rule without a window (CAMPAIGN) for each subject, summed by the
   * database from the link counters (subjects with nothing counted are absent).
   */
  public Map<String, Long> totals(Rule rule, Collection<String> campaigns) {
    Map<String, Long> values = new HashMap<>();
    List<Long> ids =
        ScopeMetric.ids(campaigns).stream()
            .filter(campaign -> rule.campaignId() == null || rule.campaignId().equals(campaign))
            .toList();
    if (ids.isEmpty()) {
      return values;
    }
    links
        .ofCampaigns(ids, rule.metric() == Metric.UNIQUE_CLICKS, rule.urlContains())
        .forEach((campaign, value) -> values.put(campaign.toString(), value));
    return values;
  }

  private static LinkRow row(
      long linkId, Long messageId, String originalUrl, long clicks, Selection selection) {
    MessageEntry message = messageId == null ? null : selection.messages().get(messageId);
    return new LinkRow(
        linkId,
        messageId,
        originalUrl,
        clicks,
        message == null ? null : message.campaignId(),
        message == null ? null : message.contactId());
  }

  /** Binds each row to its subject: the one place a row finds the subject it counts for. */
  private static Map<String, List<LinkRow>> bySubject(ScopeMetric metric, List<LinkRow> rows) {
    Map<String, List<LinkRow>> bySubject = new HashMap<>();
    for (LinkRow row : rows) {
      String subject = metric.subjectOf(row);
      if (subject != null) {
        bySubject.computeIfAbsent(subject, key -> new ArrayList<>()).add(row);
      }
    }
    return bySubject;
  }
}
