package io.linktrack.contacts.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A contact as the API shows it: its tags and its clicks, summed over all of its messages, with the
 * latest clicks one by one.
 */
@JsonbNillable
public record ContactView(
    String id,
    String name,
    List<String> tags,
    Instant createdAt,
    long messages,
    long clicks,
    Instant firstClick,
    Instant lastClick,
    List<String> linksClicked,
    List<ContactClick> recentClicks) {

  /** One click of the contact: when, on which URL, in which message. */
  public record ContactClick(Instant at, String url, Long messageId) {}
}
