package io.linktrack.campaigns.entity;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Google Analytics campaign parameters a campaign adds to the destinations of its messages, so
 * that the landing page's analytics can attribute the visit. Only these five names are known; a
 * value is text of 1 to {@value #MAX_VALUE} characters.
 */
@Embeddable
public class UtmParameters {

  public static final int MAX_VALUE = 200;

  /** The names in the order they are added to a URL. */
  public static final String[] NAMES = {
    "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"
  };

  @Column(name = "UTM_SOURCE", length = MAX_VALUE)
  private String source;

  @Column(name = "UTM_MEDIUM", length = MAX_VALUE)
  private String medium;

  @Column(name = "UTM_CAMPAIGN", length = MAX_VALUE)
  private String campaign;

  @Column(name = "UTM_CONTENT", length = MAX_VALUE)
  private String content;

  @Column(name = "UTM_TERM", length = MAX_VALUE)
  private String term;

  protected UtmParameters() {}

  /**
   * Reads the {@code utmParameters} object of a request: only the five known names, each a
   * non-blank string (trimmed). An absent or null object means none.
   */
  public static UtmParameters fromJson(JsonFields utm, String field) {
    UtmParameters parameters = new UtmParameters();
    if (utm == null) {
      return parameters;
    }
    for (String name : utm.names()) {
      String path = field + "." + name;
      int index = java.util.Arrays.asList(NAMES).indexOf(name);
      if (index < 0) {
        throw new InvalidInput(
            path, path + " is not a UTM parameter; use " + String.join(", ", NAMES));
      }
      String value = utm.text(name);
      if (value == null) {
        continue;
      }
      if (value.isBlank()) {
        throw new InvalidInput(path, path + " must not be blank");
      }
      if (value.strip().length() > MAX_VALUE) {
        throw new InvalidInput(path, path + " is at most " + MAX_VALUE + " characters");
      }
      parameters.set(index, value.strip());
    }
    return parameters;
  }

  private void set(int index, String value) {
    switch (index) {
      case 0 -> source = value;
      case 1 -> medium = value;
      case 2 -> campaign = value;
      case 3 -> content = value;
      default -> term = value;
    }
  }

  /** The parameters that are set, by name, in URL order. */
  public Map<String, String> asMap() {
    String[] values = {source, medium, campaign, content, term};
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      if (values[i] != null) {
        map.put(NAMES[i], values[i]);
      }
    }
    return map;
  }

  /** The parameters as a URL query, form-encoded (UTF-8); empty when none is set. */
  public String query() {
    StringBuilder query = new StringBuilder();
    asMap()
        .forEach(
            (name, value) -> {
              if (query.length() > 0) {
                query.append('&');
              }
              query
                  .append(name)
                  .append('=')
                  .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            });
    return query.toString();
  }
}
