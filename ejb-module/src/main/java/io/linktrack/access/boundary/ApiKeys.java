package io.linktrack.access.boundary;

import io.linktrack.access.control.ApiKeyCache;
import io.linktrack.access.control.Secrets;
import io.linktrack.access.entity.ApiKey;
import io.linktrack.access.entity.Caller;
import io.linktrack.access.entity.Role;
import io.linktrack.platform.NotFound;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys for systems such as the CRM ({@code Authorization: Bearer lt_...}). The key is shown
 * once, when it is created; only its SHA-256 is stored.
 */
@Stateless
public class ApiKeys {

  /** A key as the listing shows it: never the key itself. */
  public record ApiKeyView(
      long id, String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    static ApiKeyView of(ApiKey key) {
      return new ApiKeyView(
          key.id(),
          key.name(),
          key.role().roleName(),
          key.createdAt(),
          key.lastUsedAt(),
          key.revokedAt());
    }
  }

  /** A new key: its description and, this once, the key. */
  public record IssuedKey(
      long id, String name, String role, Instant createdAt, Instant revokedAt, String key) {}

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ApiKeyCache cache;

  @Resource TransactionSynchronizationRegistry transactions;

  public IssuedKey create(String name, String role) {
    Role parsed = Role.parse("role", role);
    String secret = Secrets.newApiKey();
    ApiKey key = new ApiKey(name, parsed, Secrets.sha256(secret), Instant.now());
    em.persist(key);
    em.flush();
    return new IssuedKey(
        key.id(), key.name(), parsed.roleName(), key.createdAt(), key.revokedAt(), secret);
  }

  public List<ApiKeyView> list() {
    return em
        .createQuery("SELECT k FROM ApiKey k ORDER BY k.id", ApiKey.class)
        .getResultList()
        .stream()
        .map(ApiKeyView::of)
        .toList();
  }

  public ApiKeyView revoke(long id) {
    ApiKey key = em.find(ApiKey.class, id);
    if (key == null) {
      throw new NotFound("API key", id);
    }
    key.revoke(Instant.now());
    String hash = key.keyHash();
    cache.evict(hash);
    // again once committed: a request verified meanwhile may have cached the key from the old row
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache.evict(hash);
          }
        });
    return ApiKeyView.of(key);
  }

  /** The caller a presented key belongs to; empty for unknown and revoked keys. */
  public Optional<Caller> verify(String presented) {
    if (presented == null || !presented.startsWith(Secrets.KEY_PREFIX)) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(presented);
    Optional<Caller> cached = cache.get(hash);
    if (cached.isPresent()) {
      return cached;
    }
    List<ApiKey> found =
        em.createQuery("SELECT k FROM ApiKey k WHERE k.keyHash = :hash", ApiKey.class)
            .setParameter("hash", hash)
            .getResultList();
    if (found.isEmpty() || found.get(0).revoked()) {
      return Optional.empty();
    }
    ApiKey key = found.get(0);
    key.usedAt(Instant.now());
    Caller caller = new Caller("apikey:" + key.name(), key.role());
    cache.put(hash, caller);
    return Optional.of(caller);
  }
}
