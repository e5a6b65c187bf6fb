package io.linktrack.messages.boundary;

import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.messages.entity.Batch;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** Reading messages and bulk sends: one message, the filtered listing, a batch's progress. */
@Stateless
public class MessageQueries {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject LinksOfMessages links;

  public MessageView find(long id) {
    Message message = em.find(Message.class, id);
    if (message == null) {
      throw new NotFound("message", id);
    }
    return MessageView.of(message, links.totals(id));
  }

  /** Refuses an id that names no message. */
  public void requireExists(long id) {
    if (em.find(Message.class, id) == null) {
      throw new NotFound("message", id);
    }
  }

  public Page<MessageView> search(MessageQuery query) {
    MessageQuery.Where where = query.where();
    List<Message> messages =
        where
            .bind(
                em.createQuery(
                    "SELECT m FROM Message m"
                        + where.jpql()
                        + " ORDER BY m.createdAt DESC, m.id DESC",
                    Message.class))
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            .getResultList();
    // one query for the links of the whole page instead of one per message
    Map<Long, LinksOfMessages.Totals> totals =
        links.totals(messages.stream().map(Message::id).toList());
    List<MessageView> items =
        messages.stream()
            .map(m -> MessageView.of(m, totals.getOrDefault(m.id(), LinksOfMessages.Totals.NONE)))
            .toList();
    long total =
        where
            .bind(em.createQuery("SELECT COUNT(m) FROM Message m" + where.jpql(), Long.class))
            .getSingleResult();
    return new Page<>(items, query.page(), query.size(), total);
  }

  public BatchView batch(long id) {
    Batch batch = em.find(Batch.class, id);
    if (batch == null) {
      throw new NotFound("batch", id);
    }
    List<Object[]> byStatus =
        em.createQuery(
                "SELECT m.status, COUNT(m) FROM Message m WHERE m.batchId = :id GROUP BY m.status",
                Object[].class)
            .setParameter("id", id)
            .getResultList();
    long processed = 0;
    long failed = 0;
    for (Object[] row : byStatus) {
      MessageStatus status = (MessageStatus) row[0];
      long count = (Long) row[1];
      if (status.isFinished()) {
        processed += count;
      }
      if (status == MessageStatus.FAILED) {
        failed += count;
      }
    }
    return new BatchView(id, batch.total(), processed, failed, processed >= batch.total());
  }
}
