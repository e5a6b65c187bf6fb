package io.linktrack.access.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.linktrack.access.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keys verified lately, by their hash, so that a system calling the API many times a second costs
 * one database read per key and interval. A key revoked on this server leaves the cache at once;
 * other servers refuse it once their entry has expired, within the configured interval.
 */
@ApplicationScoped
public class ApiKeyCache {

  @Inject
  @ConfigProperty(name = "linktrack.api-keys.cache-ttl", defaultValue = "PT30S")
  Duration ttl;

  private Cache<String, Caller> verified;

  @PostConstruct
  void init() {
    verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
  }

  public Optional<Caller> get(String keyHash) {
    return Optional.ofNullable(verified.getIfPresent(keyHash));
  }

  public void put(String keyHash, Caller caller) {
    verified.put(keyHash, caller);
  }

  public void evict(String keyHash) {
    verified.invalidate(keyHash);
  }
}
