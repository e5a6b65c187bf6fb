package io.linktrack.rules.control;

import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.rules.entity.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A contact is the links of all its messages; its unique clicks are the distinct URLs it clicked
 * (the same URL in two messages counts once).
 */
final class ContactMetric implements ScopeMetric {

  @Override
  public Scope scope() {
    return Scope.CONTACT;
  }

  @Override
  public String subjectOf(SubjectLink link) {
    return link.contactId();
  }

  @Override
  public String apiLink(String subjectId, String apiBaseUrl) {
    return AlertPayload.contactLink(subjectId, apiBaseUrl);
  }

  @Override
  public Object uniqueKey(SubjectLink link) {
    return link.originalUrl();
  }

  @Override
  public boolean uniqueByUrl() {
    return true;
  }

  /** The contacts' messages first (one query per 500 contacts), then their links by message. */
  @Override
  public Selection select(
      Collection<String> subjects, Map<Long, MessageEntry> known, MessageDirectory messages) {
    Map<Long, MessageEntry> ofContacts =
        messages.ofContacts(subjects).stream()
            .collect(Collectors.toMap(MessageEntry::messageId, Function.identity()));
    return new Selection(false, ofContacts.keySet().stream().toList(), ofContacts);
  }
}
