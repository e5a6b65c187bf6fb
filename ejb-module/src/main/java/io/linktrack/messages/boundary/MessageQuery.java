package io.linktrack.messages.boundary;

import io.linktrack.links.boundary.MessageLinks;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.Page;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Filters of the message listing. {@code clicked=true} is the report "messages with at least one
 * click"; {@code status=FAILED} finds what needs attention; {@code from}/{@code to} bound the
 * creation time (from inclusive, to exclusive).
 */
public record MessageQuery(
    Long campaignId,
    Long batchId,
    MessageStatus status,
    Boolean clicked,
    Instant from,
    Instant to,
    int page,
    int size) {

  public MessageQuery {
    Page.check(page, size);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInput("from", "from must not be after to");
    }
  }

  /** The filters as a JPQL condition on {@code Message m}, with the values it names. */
  record Where(String jpql, Map<String, Object> parameters) {

    <Q extends Query> Q bind(Q query) {
      parameters.forEach(query::setParameter);
      return query;
    }
  }

  Where where() {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (campaignId != null) {
      where.append(" AND m.campaignId = :campaignId");
      parameters.put("campaignId", campaignId);
    }
    if (batchId != null) {
      where.append(" AND m.batchId = :batchId");
      parameters.put("batchId", batchId);
    }
    if (status != null) {
      where.append(" AND m.status = :status");
      parameters.put("status", status);
    }
    if (clicked != null) {
      where.append(clicked ? " AND " : " AND NOT ");
      where.append(MessageLinks.clickedCondition("m.id"));
    }
    if (from != null) {
      where.append(" AND m.createdAt >= :from");
      parameters.put("from", from);
    }
    if (to != null) {
      where.append(" AND m.createdAt < :to");
      parameters.put("to", to);
    }
    return new Where(where.toString(), parameters);
  }
}
