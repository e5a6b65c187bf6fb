package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.BotFilter;
import io.linktrack.clicks.control.Rescoring;
import io.linktrack.clicks.control.Rescoring.Chunk;
import io.linktrack.clicks.control.Rescoring.Cursor;
import io.linktrack.platform.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Scores the stored hits of a time range again with the bot lists in force now, and corrects every
 * counter they moved: a person's click that turns out a scanner's leaves {@code clicks}, first and
 * last click and links clicked, and joins {@code botClicks}; and the other way round. The numbers
 * end as if today's lists had been there from the start. Alerts already fired stay fired.
 *
 * <p>Chunks of {@value #CHUNK} clicks, each in its own transaction, so a range of millions never
 * holds one long transaction; a chunk that commits is final, and running the same range again
 * changes nothing more.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reclassification {

  private static final Logger LOG = Logger.getLogger(Reclassification.class.getName());
  static final int CHUNK = 2000;

  /** What a run did. */
  public record Outcome(
      Instant from, Instant to, long examined, long becameBots, long becamePeople) {}

  @Inject Rescoring rescoring;

  @Inject BotFilter bots;

  public Outcome rescore(Instant from, Instant to) {
    if (from == null || to == null) {
      throw new InvalidInput(from == null ? "from" : "to", "from and to are both required");
    }
    if (!from.isBefore(to)) {
      throw new InvalidInput("from", "from must be before to");
    }
    bots.reload(); // the lists as stored now, whichever server took the last change
    long examined = 0;
    long becameBots = 0;
    long becamePeople = 0;
    Cursor after = null;
    while (true) {
      Chunk chunk = rescoring.rescore(from, to, after, CHUNK);
      examined += chunk.examined();
      becameBots += chunk.becameBots();
      becamePeople += chunk.becamePeople();
      if (chunk.next().isEmpty()) {
        break;
      }
      after = chunk.next().get();
    }
    LOG.info(
        "Reclassified clicks from "
            + from
            + " to "
            + to
            + ": "
            + examined
            + " examined, "
            + becameBots
            + " became bot clicks, "
            + becamePeople
            + " became people's clicks");
    return new Outcome(from, to, examined, becameBots, becamePeople);
  }
}
