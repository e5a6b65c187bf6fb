package io.linktrack.delivery.control;

import io.linktrack.messages.entity.Message;

/**
 * Port to whatever actually sends a message: the outbox today, an SMTP server or an SMS gateway
 * later. Called inside the delivery transaction; an implementation must be idempotent per message
 * id, because a delivery interrupted by a crash is repeated.
 */
public interface DeliveryChannel {

  void deliver(Message message);
}
