package io.linktrack.delivery.boundary;

import io.linktrack.delivery.entity.Outgoing;

/**
 * Port to whatever actually sends a message: the outbox today, an SMTP server or an SMS gateway
 * later. Called inside the delivery transaction; an implementation must be idempotent per message
 * id, because a delivery interrupted by a crash is repeated.
 */
public interface DeliveryChannel {

  void deliver(Outgoing message);
}
