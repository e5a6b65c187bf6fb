package io.linktrack.links.control;

import io.linktrack.links.entity.CodeTag;
import io.linktrack.links.entity.ShortCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;

/**
 * New tagged codes, and the check that refuses a guessed one before any lookup. Asks {@link
 * CodeKey} once and keeps its answer, so the redirect does not pass through an EJB per hit.
 */
@ApplicationScoped
public class CodeTags {

  @Inject CodeKey key;

  private volatile CodeTag tag;

  /** True when no link can have this code (see {@link CodeTag}). A few microseconds. */
  public boolean refuses(String code) {
    return tag().refuses(code);
  }

  public ShortCode random(SecureRandom random) {
    return tag().random(random);
  }

  private CodeTag tag() {
    CodeTag known = tag;
    if (known == null) {
      known = key.tag();
      tag = known;
    }
    return known;
  }
}
