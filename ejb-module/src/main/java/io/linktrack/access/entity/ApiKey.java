package io.linktrack.access.entity;

import io.linktrack.platform.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A system's credential for the API. Only the SHA-256 of the key is kept: whoever reads the
 * database cannot call the API with what they find. A revoked key stays listed (who had access,
 * until when) and is refused from then on.
 */
@Entity
@Table(name = "LT_API_KEY")
public class ApiKey {

  public static final int MAX_NAME = 200;

  // lastUsedAt is a hint for finding unused keys, not an audit log: one write a minute at most
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  @Id
  @SequenceGenerator(name = "LT_API_KEY_SEQ", sequenceName = "LT_API_KEY_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_API_KEY_SEQ")
  private Long id;

  @Column(name = "NAME", nullable = false, length = MAX_NAME)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "ROLE_NAME", nullable = false, length = 16)
  private Role role;

  @Column(name = "KEY_HASH", nullable = false, length = 64, unique = true)
  private String keyHash;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Column(name = "LAST_USED_AT")
  private Instant lastUsedAt;

  @Column(name = "REVOKED_AT")
  private Instant revokedAt;

  protected ApiKey() {}

  public ApiKey(String name, Role role, String keyHash, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "name is required and must not be blank");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "name is at most " + MAX_NAME + " characters");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInput("name", "name must not contain control characters");
    }
    this.name = name.strip();
    this.role = role;
    this.keyHash = keyHash;
    this.createdAt = createdAt;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Revoking twice keeps the first time. */
  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  /** Records a use; answers whether that changed the stored time. */
  public boolean usedAt(Instant at) {
    if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_PRECISION).isBefore(at)) {
      lastUsedAt = at;
      return true;
    }
    return false;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public String keyHash() {
    return keyHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
