package io.linktrack.rules.control;

import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.entity.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A campaign is the links of all its messages (custom links of the campaign have no message and do
 * not count); its unique clicks are its messages with a click. Too many links to read at every
 * click: without a window it is tallied, and counted exactly from the link counters summed by the
 * database only when the tally could exceed the threshold.
 */
final class CampaignMetric implements ScopeMetric {

  @Override
  public Scope scope() {
    return Scope.CAMPAIGN;
  }

  @Override
  public String subjectOf(SubjectLink link) {
    return link.campaignId() == null ? null : link.campaignId().toString();
  }

  @Override
  public String apiLink(String subjectId, String apiBaseUrl) {
    return apiBaseUrl + "/api/campaigns/" + subjectId;
  }

  @Override
  public Object uniqueKey(SubjectLink link) {
    return link.messageId();
  }

  @Override
  public boolean tallied() {
    return true;
  }

  /** Only for a window: the campaigns' messages, whose clicks in the window are then counted. */
  @Override
  public Selection select(
      Collection<String> subjects, Map<Long, MessageEntry> known, MessageDirectory messages) {
    Map<Long, MessageEntry> ofCampaigns =
        messages.ofCampaigns(ScopeMetric.ids(subjects)).stream()
            .collect(Collectors.toMap(MessageEntry::messageId, Function.identity()));
    return new Selection(false, ofCampaigns.keySet().stream().toList(), ofCampaigns);
  }
}
