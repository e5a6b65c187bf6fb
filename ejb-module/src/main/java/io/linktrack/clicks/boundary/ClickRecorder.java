package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.BotFilter;
import io.linktrack.clicks.control.ClickJournal;
import io.linktrack.clicks.control.ClickWriter;
import io.linktrack.clicks.control.KnownLink;
import io.linktrack.clicks.control.LinkDirectory;
import io.linktrack.clicks.control.MissCounter;
import io.linktrack.clicks.control.PendingClick;
import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.clicks.entity.Hit;
import io.linktrack.links.boundary.LinkLookup;
import io.linktrack.links.entity.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request stage of the click path: decides what a request for a short link is answered with
 * ({@link Redirect}), once per request, and puts a hit on a live link into this server's {@link
 * ClickJournal} (a local file) before answering it, without waiting for the database. The {@link
 * ClickWriter} takes the journal to the database in batches, and the {@code ClickFolder} counts
 * them. A 302 therefore always means a click that survives the server process being killed, yet no
 * request waits for a database commit.
 *
 * <p>A code that cannot be a link (a wrong tag) is refused before any lookup; such misses and
 * unknown codes are counted per network ({@link MissCounter}), hits never are. Retired and expired
 * links count no click: the click path only ever records live links.
 *
 * <p>A plain CDI bean, not an enterprise bean: it sits on the hottest path and needs neither
 * transactions nor container locking (the journal serialises its appends itself).
 */
@ApplicationScoped
public class ClickRecorder {

  private static final Logger LOG = Logger.getLogger(ClickRecorder.class.getName());

  @Inject LinkLookup links;

  @Inject LinkDirectory directory;

  @Inject BotFilter bots;

  @Inject MissCounter misses;

  @Inject ClickWriter writer;

  private ClickJournal journal;

  @PostConstruct
  void openJournal() {
    journal = writer.journal();
  }

  /**
   * Answers a request for {@code /{code}} ({@code query} is the request's raw query, null for
   * none). Every hit on a live link (people's clicks, and previews' and scanners' hits, see {@link
   * BotFilter}) is in the journal before this returns; only people's count as clicks.
   */
  public Redirect follow(String code, String query, Hit hit) {
    if (links.refuses(code)) {
      // a guessed code: refused on its tag alone, no cache or database lookup
      return missed(hit);
    }
    Optional<ShortCode> shortCode = ShortCode.parse(code);
    if (shortCode.isEmpty()) {
      // a malformed code (favicon.ico, robots.txt, a truncated copy) costs no lookup: not counted
      return Redirect.notFound();
    }
    Optional<KnownLink> known = directory.lookup(shortCode.get());
    if (known.isEmpty()) {
      return missed(hit);
    }
    LinkTarget target = known.get().target();
    Instant at = Instant.now();
    if (target.isLiveAt(at)) {
      record(code, known.get(), at, hit);
      return Redirect.to(links.location(target.originalUrl(), query));
    }
    if (target.retired()) {
      return Redirect.gone();
    }
    return links
        .expiredFallback()
        .map(fallback -> Redirect.to(links.location(fallback, null)))
        .orElseGet(Redirect::gone);
  }

  private void record(String code, KnownLink known, Instant at, Hit hit) {
    PendingClick click =
        PendingClick.of(
            known.target(),
            at,
            hit.userAgent(),
            hit.referrer(),
            AnonymizedAddress.of(hit.clientAddress()).orElse(null),
            bots.judge(hit, at, known.sentAt()).orElse(null));
    try {
      journal.append(click);
    } catch (IOException e) {
      // the disk is full or gone: reaching the destination matters more than the count
      LOG.log(Level.SEVERE, "Could not journal a click on " + code + "; redirecting without it", e);
    }
  }

  /**
   * An unknown code. Past the miss limit the network gets 429 for a while instead of 404; its
   * clicks on real links still redirect (see {@link MissCounter}).
   */
  private Redirect missed(Hit hit) {
    return misses
        .miss(hit.clientAddress())
        .map(Redirect::tooManyMisses)
        .orElseGet(Redirect::notFound);
  }
}
