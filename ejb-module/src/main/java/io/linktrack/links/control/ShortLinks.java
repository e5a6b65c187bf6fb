package io.linktrack.links.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where short links point: the public base URL of the redirect (a short domain in production, for
 * example https://lt.example.com). Checked once at start so a typo fails loudly, not per message.
 */
@ApplicationScoped
public class ShortLinks {

  @Inject
  @ConfigProperty(name = "linktrack.short-base-url", defaultValue = "http://localhost:9080")
  String configuredBaseUrl;

  private String baseUrl;

  /** Instantiating at start runs the check below before the first message is shortened. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    baseUrl();
  }

  @PostConstruct
  void validate() {
    URI uri;
    try {
      uri = URI.create(configuredBaseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "linktrack.short-base-url is not a URL: " + configuredBaseUrl, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalStateException(
          "linktrack.short-base-url must be an absolute http(s) URL, not " + configuredBaseUrl);
    }
    String text = uri.toString();
    baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  public String baseUrl() {
    return baseUrl;
  }
}
