package io.linktrack.rules.control;

import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.entity.Scope;
import java.util.Collection;
import java.util.Map;

/** One tracked link on its own (it has no unique clicks: LINK rules count CLICKS). */
final class LinkMetric implements ScopeMetric {

  @Override
  public Scope scope() {
    return Scope.LINK;
  }

  @Override
  public String subjectOf(SubjectLink link) {
    return Long.toString(link.linkId());
  }

  @Override
  public String apiLink(String subjectId, String apiBaseUrl) {
    return null;
  }

  @Override
  public Object uniqueKey(SubjectLink link) {
    return link.linkId();
  }

  /** A touched link was clicked in the new clicks, so its message is known. */
  @Override
  public Selection select(
      Collection<String> subjects, Map<Long, MessageEntry> known, MessageDirectory messages) {
    return new Selection(true, ScopeMetric.ids(subjects), known);
  }
}
