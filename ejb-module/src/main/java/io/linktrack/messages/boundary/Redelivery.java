package io.linktrack.messages.boundary;

import io.linktrack.platform.Attempts;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one retry-and-park rule of both queues of the outbound path (docs/architecture.md, "Failures,
 * retries and parking"). A record ends one of three ways:
 *
 * <ul>
 *   <li>rejected, when retrying cannot help (it breaks the rules, or names no message): logged and
 *       consumed at once;
 *   <li>retried, by rethrowing, so the consumer's transaction rolls back and the engine redelivers;
 *   <li>parked, on its last attempt: its message becomes FAILED with the root cause as the reason,
 *       and the record is consumed.
 * </ul>
 *
 * If parking fails too (the database is down), that failure is rethrown like any other, and the
 * record stays on its queue until it succeeds.
 */
@ApplicationScoped
public class Redelivery {

  private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());

  @Inject Attempts attempts;

  /**
   * How the log names a record: {@code rejected} after "Rejected ", {@code givingUp} after "Giving
   * up on ".
   */
  public record Named(String rejected, String givingUp) {}

  /**
   * Reads a record and runs a stage's work on it. Answers the work's result, or empty when the
   * record was rejected or its message parked. A record that cannot even be read is never parked
   * (there is no message to park): it is rejected, or retried.
   */
  public <R, T> Optional<T> attempt(
      Named record,
      int deliveryCount,
      Supplier<R> read,
      Function<R, T> work,
      BiConsumer<R, String> park) {
    R parsed = null;
    try {
      parsed = read.get();
      return Optional.of(work.apply(parsed));
    } catch (InvalidInput | NotFound e) {
      LOG.warning("Rejected " + record.rejected() + ": " + e.getMessage());
      return Optional.empty();
    } catch (RuntimeException e) {
      if (parsed == null || !attempts.isLast(deliveryCount)) {
        throw e;
      }
      String reason = Attempts.reason(e);
      LOG.warning("Giving up on " + record.givingUp() + ": " + reason);
      park.accept(parsed, reason);
      return Optional.empty();
    }
  }
}
