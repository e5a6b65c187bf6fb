package io.linktrack.rules.control;

import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.entity.Scope;
import java.util.Collection;
import java.util.Map;

/** A message is its links: unique clicks are its distinct clicked links. */
final class MessageMetric implements ScopeMetric {

  @Override
  public Scope scope() {
    return Scope.MESSAGE;
  }

  @Override
  public String subjectOf(SubjectLink link) {
    return link.messageId() == null ? null : link.messageId().toString();
  }

  @Override
  public String apiLink(String subjectId, String apiBaseUrl) {
    return apiBaseUrl + "/api/messages/" + subjectId;
  }

  @Override
  public Object uniqueKey(SubjectLink link) {
    return link.linkId();
  }

  /** A touched message is a message of the new clicks, so its campaign and contact are known. */
  @Override
  public Selection select(
      Collection<String> subjects, Map<Long, MessageEntry> known, MessageDirectory messages) {
    return new Selection(false, ScopeMetric.ids(subjects), known);
  }
}
