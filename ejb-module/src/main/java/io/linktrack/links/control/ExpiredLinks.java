package io.linktrack.links.control;

import io.linktrack.links.entity.Destination;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a recipient of an expired link is sent instead ({@code
 * linktrack.links.expired-fallback-url}, for example the sender's home page); none means 410 Gone.
 * Checked once at start, so a typo fails loudly rather than at the first expired click.
 */
@ApplicationScoped
public class ExpiredLinks {

  @Inject
  @ConfigProperty(name = "linktrack.links.expired-fallback-url")
  Optional<String> configuredFallback;

  private String fallbackUrl;

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    fallbackUrl();
  }

  @PostConstruct
  void validate() {
    String text = configuredFallback.map(String::strip).orElse("");
    if (text.isEmpty()) {
      return;
    }
    // the same rule as every other destination: it ends up in a Location header
    Optional<String> refusal = Destination.refusal(text);
    if (refusal.isPresent()) {
      throw new IllegalStateException(
          "linktrack.links.expired-fallback-url " + refusal.get() + ": " + text);
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "linktrack.links.expired-fallback-url is not a URL: " + text, e);
    }
    fallbackUrl = uri.toASCIIString();
  }

  /** The fallback URL, or empty for 410 Gone. */
  public Optional<String> fallbackUrl() {
    return Optional.ofNullable(fallbackUrl);
  }
}
