package io.linktrack.campaigns.entity;

import io.linktrack.platform.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A named group of messages; it can switch link tracking off for all of them, and add UTM
 * parameters to the destinations of their links.
 */
@Entity
@Table(name = "LT_CAMPAIGN")
public class Campaign {

  public static final int MAX_NAME = 200;

  @Id
  @SequenceGenerator(name = "LT_CAMPAIGN_SEQ", sequenceName = "LT_CAMPAIGN_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_CAMPAIGN_SEQ")
  private Long id;

  @Column(name = "NAME", nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "TRACK_LINKS", nullable = false)
  private boolean trackLinks;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Embedded private UtmParameters utmParameters;

  protected Campaign() {}

  public Campaign(String name, boolean trackLinks, UtmParameters utmParameters, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "name is required and must not be blank");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "name is at most " + MAX_NAME + " characters");
    }
    this.name = name.strip();
    this.trackLinks = trackLinks;
    this.utmParameters = utmParameters;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean tracksLinks() {
    return trackLinks;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Never null (JPA leaves an embeddable whose columns are all null unset). */
  public UtmParameters utmParameters() {
    return utmParameters == null ? UtmParameters.fromJson(null, "utmParameters") : utmParameters;
  }
}
