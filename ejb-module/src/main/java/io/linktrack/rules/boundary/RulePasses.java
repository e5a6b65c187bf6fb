package io.linktrack.rules.boundary;

import io.linktrack.clicks.boundary.ClickFeed;
import io.linktrack.clicks.boundary.ClickFeed.Slice;
import io.linktrack.rules.control.RuleEvaluation;
import io.linktrack.rules.entity.Alert;
import io.linktrack.rules.entity.Rule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rule passes: evaluate the enabled rules for the subjects of the clicks that came after the stored
 * position in the click feed, fire what is exceeded, and store the new position, all in one
 * transaction. A pass that fails or is cut short by a crash leaves nothing behind, and the next one
 * repeats it; a repeated pass cannot fire twice (LT_ALERT_ONCE).
 *
 * <p>The pass row is updated first: its lock makes the passes of several servers on one database
 * run one after the other instead of racing for the same clicks.
 */
@Stateless
public class RulePasses {

  private static final Logger LOG = Logger.getLogger(RulePasses.class.getName());

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ClickFeed feed;

  @Inject RuleEvaluation evaluation;

  @Inject
  @ConfigProperty(name = "linktrack.rules.slice", defaultValue = "5000")
  int sliceSize;

  /** The result of one slice: whether more clicks are waiting after it. */
  public record SliceResult(int clicks, int alerts, boolean more) {}

  /** Evaluates the next slice of new clicks, in one transaction. */
  public SliceResult nextSlice() {
    long started = System.nanoTime();
    em.createNativeQuery("UPDATE LT_RULE_PASS SET CLICKS = CLICKS WHERE ID = 1").executeUpdate();
    Number stored =
        (Number)
            em.createNativeQuery("SELECT FEED_POSITION FROM LT_RULE_PASS WHERE ID = 1")
                .getSingleResult();
    if (stored == null) {
      // the first pass ever starts at the end of the feed: rules look at clicks from now on
      em.createNativeQuery("UPDATE LT_RULE_PASS SET FEED_POSITION = ?1 WHERE ID = 1")
          .setParameter(1, feed.end())
          .executeUpdate();
      return new SliceResult(0, 0, false);
    }
    Slice slice = feed.after(stored.longValue(), sliceSize);
    if (slice.clicks().isEmpty()) {
      return new SliceResult(0, 0, false);
    }
    Instant now = Instant.now();
    List<Rule> rules =
        em.createQuery("SELECT r FROM Rule r WHERE r.enabled = true ORDER BY r.id", Rule.class)
            .getResultList();
    List<Alert> fired = evaluation.evaluate(rules, slice.clicks(), now);
    long millis = (System.nanoTime() - started) / 1_000_000;
    em.createNativeQuery(
            "UPDATE LT_RULE_PASS SET FEED_POSITION = ?1, PASSED_AT = ?2, CLICKS = ?3, ALERTS = ?4,"
                + " MILLIS = ?5 WHERE ID = 1")
        .setParameter(1, slice.position())
        .setParameter(2, Timestamp.from(now))
        .setParameter(3, slice.clicks().size())
        .setParameter(4, fired.size())
        .setParameter(5, millis)
        .executeUpdate();
    LOG.log(
        fired.isEmpty() ? Level.FINE : Level.INFO,
        () ->
            "Rule pass: "
                + slice.clicks().size()
                + " new clicks, "
                + rules.size()
                + " rules, "
                + fired.size()
                + " alerts fired in "
                + millis
                + " ms");
    return new SliceResult(slice.clicks().size(), fired.size(), slice.clicks().size() >= sliceSize);
  }

  public PassStatus status() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT FEED_POSITION, PASSED_AT, CLICKS, ALERTS, MILLIS FROM LT_RULE_PASS"
                        + " WHERE ID = 1")
                .getSingleResult();
    long pending =
        em.createQuery(
                "SELECT COUNT(a) FROM AlertAction a"
                    + " WHERE a.state = io.linktrack.rules.entity.ActionState.PENDING",
                Long.class)
            .getSingleResult();
    return new PassStatus(
        row[0] == null ? null : ((Number) row[0]).longValue(),
        row[1] == null ? null : ((Timestamp) row[1]).toInstant(),
        ((Number) row[2]).intValue(),
        ((Number) row[3]).intValue(),
        ((Number) row[4]).longValue(),
        pending);
  }
}
