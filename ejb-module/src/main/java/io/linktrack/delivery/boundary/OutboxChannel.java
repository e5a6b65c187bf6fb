package io.linktrack.delivery.boundary;

import io.linktrack.delivery.entity.OutboxEntry;
import io.linktrack.delivery.entity.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Records what would be sent instead of sending it: the default channel until an SMTP or SMS
 * gateway is configured, and the one tests read.
 */
@ApplicationScoped
public class OutboxChannel implements DeliveryChannel {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Override
  public void deliver(Outgoing message) {
    if (em.find(OutboxEntry.class, message.id()) == null) {
      em.persist(new OutboxEntry(message, Instant.now()));
    }
  }
}
