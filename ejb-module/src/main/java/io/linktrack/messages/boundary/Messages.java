package io.linktrack.messages.boundary;

import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.links.boundary.MessageLinks;
import io.linktrack.messages.control.Intake;
import io.linktrack.messages.control.MessageQueues;
import io.linktrack.messages.entity.Batch;
import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.IdempotentRequest;
import io.linktrack.messages.entity.Message;
import io.linktrack.messages.entity.OutboundDraft;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sending messages, single and bulk: the intake stage's entry (reading them is {@link
 * MessageQueries}).
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

  @Inject Intake intake;

  @Inject MessageQueues queues;

  @Inject MessageQueries queries;

  @Inject
  @ConfigProperty(name = "linktrack.dispatch.stranded-after", defaultValue = "PT1M")
  Duration strandedAfter;

  /** What a send answers; {@code replayed} when an earlier request with its key made it. */
  public record Sent<T>(T view, boolean replayed) {}

  /** Accepts a message; {@code request} is null unless the client sent an Idempotency-Key. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sent<MessageView> submit(OutboundDraft draft, IdempotentRequest request) {
    if (!Boolean.FALSE.equals(draft.trackLinks())) {
      MessageLinks.checkUrls(draft.channel().isEmail(), draft.body(), "body");
    }
    Intake.Accepted<Message> accepted = once(request, () -> intake.accept(draft, request));
    if (accepted.replayed()) {
      return new Sent<>(
          queries.find(accepted.record().id()), true); // as it is now: maybe SENT already
    }
    dispatch(List.of(accepted.record().id()));
    // just stored: no links yet
    return new Sent<>(MessageView.of(accepted.record(), LinksOfMessages.Totals.NONE), false);
  }

  /**
   * Accepts a bulk send. A retry with the same Idempotency-Key answers the same batch, and stores
   * whatever recipients its first request had not stored yet (that request's server may have died
   * halfway); the batch row decides who stores which chunk.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sent<BatchView> submitBulk(BulkDraft bulk, IdempotentRequest request) {
    if (!Boolean.FALSE.equals(bulk.trackLinks())) {
      MessageLinks.checkUrls(bulk.channel().isEmail(), bulk.body(), "body");
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
}
