package io.linktrack.rules.control;

/**
 * A tracked link with what rules group and filter on: its destination, its message, and that
 * message's campaign and contact (all null for a link without a message).
 */
public interface SubjectLink {

  long linkId();

  Long messageId();

  String originalUrl();

  Long campaignId();

  String contactId();
}
