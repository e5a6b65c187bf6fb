/**
 * Delivery: handing a rewritten message to its channel. {@link
 * io.linktrack.delivery.control.DeliveryChannel} is the port; today the outbox records what would
 * be sent, SMTP and SMS-gateway channels plug in beside it.
 */
package io.linktrack.delivery;
