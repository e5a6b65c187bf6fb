package io.linktrack.messages.boundary;

import io.linktrack.clicks.entity.Click;
import io.linktrack.links.control.ShortLinks;
import io.linktrack.links.control.Shortener;
import io.linktrack.links.entity.TrackedLink;
import io.linktrack.messages.control.Intake;
import io.linktrack.messages.control.MessageQueues;
import io.linktrack.messages.entity.Batch;
import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.IdempotentRequest;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.messages.entity.OutboundDraft;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sending and reading messages.
 *
 * <p>Accepting is two steps that never share a transaction: store the message (durable from then
 * on), then put its id on the outbound queue. If the server stops in between, the message is
 * "stranded"; {@link #redispatchStranded()} finds and queues it again. A record queued twice is
 * harmless, because preparation is idempotent.
 */
@Stateless
public class Messages {

  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  /** Small enough that a chunk's transaction stays short, large enough to batch the inserts. */
  static final int CHUNK = 500;

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject Intake intake;

  @Inject MessageQueues queues;

  @Inject ShortLinks shortLinks;

  @Inject
  @ConfigProperty(name = "linktrack.dispatch.stranded-after", defaultValue = "PT1M")
  Duration strandedAfter;

  /** What a send answers; {@code replayed} when an earlier request with its key made it. */
  public record Sent<T>(T view, boolean replayed) {}

  /** Accepts a message; {@code request} is null unless the client sent an Idempotency-Key. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sent<MessageView> submit(OutboundDraft draft, IdempotentRequest request) {
    if (!Boolean.FALSE.equals(draft.trackLinks())) {
      Shortener.checkUrls(draft.channel().isEmail(), draft.body(), "body");
    }
    Intake.Accepted<Message> accepted = once(request, () -> intake.accept(draft, request));
    if (accepted.replayed()) {
      return new Sent<>(find(accepted.record().id()), true); // as it is now: maybe SENT already
    }
    dispatch(List.of(accepted.record().id()));
    return new Sent<>(MessageView.of(accepted.record(), shortLinks.baseUrl()), false);
  }

  /**
   * Accepts a bulk send. A retry with the same Idempotency-Key answers the same batch, and stores
   * whatever recipients its first request had not stored yet (that request's server may have died
   * halfway); the batch row decides who stores which chunk.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sent<BatchView> submitBulk(BulkDraft bulk, IdempotentRequest request) {
    if (!Boolean.FALSE.equals(bulk.trackLinks())) {
      Shortener.checkUrls(bulk.channel().isEmail(), bulk.body(), "body");
    }
    Intake.Accepted<Batch> opened = once(request, () -> intake.openBatch(bulk, request));
    Batch batch = opened.record();
    List<Long> ids;
    while (!(ids = intake.acceptNextChunk(bulk, batch.id(), CHUNK)).isEmpty()) {
      dispatch(ids);
    }
    return new Sent<>(new BatchView(batch.id(), batch.total(), 0, 0, false), opened.replayed());
  }

  /**
   * Runs an acceptance; if it fails while a concurrent request with the same key commits first (the
   * key's primary key refuses the second insert), runs it once more to find that answer.
   */
  private static <T> Intake.Accepted<T> once(
      IdempotentRequest request, Supplier<Intake.Accepted<T>> acceptance) {
    try {
      return acceptance.get();
    } catch (EJBException e) {
      if (request == null) {
        throw e;
      }
      LOG.fine("Concurrent request with the same Idempotency-Key; answering its result");
      return acceptance.get();
    }
  }

  /**
   * Queues messages whose acceptance was interrupted before their id reached the queue, a chunk at
   * a time until none is left (a crash in the middle of a large bulk send leaves many).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int redispatchStranded() {
    Instant before = Instant.now().minus(strandedAfter);
    int total = 0;
    List<Long> ids;
    do {
      ids = intake.stranded(before, CHUNK);
      if (!ids.isEmpty() && !dispatch(ids)) {
        break; // the queue refuses: try again at the next sweep
      }
      total += ids.size();
    } while (ids.size() == CHUNK);
    if (total > 0) {
      LOG.info("Queued " + total + " stranded messages again");
    }
    return total;
  }

  /** Queues stored messages; false if the queue refused them (the sweep retries them later). */
  private boolean dispatch(List<Long> ids) {
    try {
      queues.toOutbound(ids);
      intake.markEnqueued(ids);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not queue " + ids.size() + " messages; will retry", e);
      return false;
    }
  }

  public MessageView find(long id) {
    Message message = em.find(Message.class, id);
    if (message == null) {
      throw new NotFound("message", id);
    }
    return MessageView.of(message, shortLinks.baseUrl());
  }

  /** The hits on a message's links, people's and bots', newest first. */
  public Page<ClickView> clicks(long id, int page, int size) {
    Page.check(page, size);
    Message message = em.find(Message.class, id);
    if (message == null) {
      throw new NotFound("message", id);
    }
    Map<Long, TrackedLink> links = new HashMap<>();
    message.links().forEach(link -> links.put(link.id(), link));
    List<ClickView> items =
        em.createQuery(
                "SELECT c FROM Click c WHERE c.messageId = :id ORDER BY c.clickedAt DESC, c.id DESC",
                Click.class)
            .setParameter("id", id)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(
                click -> {
                  TrackedLink link = links.get(click.linkId());
                  return ClickView.of(
                      click, link.originalUrl(), link.shortUrl(shortLinks.baseUrl()));
                })
            .toList();
    long total =
        em.createQuery("SELECT COUNT(c) FROM Click c WHERE c.messageId = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  public Page<MessageView> search(MessageQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (query.campaignId() != null) {
      where.append(" AND m.campaignId = :campaignId");
      parameters.put("campaignId", query.campaignId());
    }
    if (query.batchId() != null) {
      where.append(" AND m.batchId = :batchId");
      parameters.put("batchId", query.batchId());
    }
    if (query.status() != null) {
      where.append(" AND m.status = :status");
      parameters.put("status", query.status());
    }
    if (query.clicked() != null) {
      where.append(query.clicked() ? " AND " : " AND NOT ");
      where.append("EXISTS (SELECT l FROM TrackedLink l WHERE l.message = m AND l.clicks > 0)");
    }
    if (query.from() != null) {
      where.append(" AND m.createdAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.to() != null) {
      where.append(" AND m.createdAt < :to");
      parameters.put("to", query.to());
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM Message m" + where, Long.class);
    TypedQuery<Message> page =
        em.createQuery(
                "SELECT m FROM Message m" + where + " ORDER BY m.createdAt DESC, m.id DESC",
                Message.class)
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            // one query for the links of the whole page instead of one per message
            .setHint("eclipselink.batch", "m.links")
            .setHint("eclipselink.batch.type", "IN");
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    List<MessageView> items = new ArrayList<>();
    for (Message message : page.getResultList()) {
      items.add(MessageView.of(message, shortLinks.baseUrl()));
    }
    return new Page<>(items, query.page(), query.size(), count.getSingleResult());
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
