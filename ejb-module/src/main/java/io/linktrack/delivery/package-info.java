/**
 * Delivery channels: handing a message, as its recipient receives it, to whatever sends it. {@link
 * io.linktrack.delivery.boundary.DeliveryChannel} is the port and takes a plain {@link
 * io.linktrack.delivery.entity.Outgoing} value, so this package knows no other feature; today the
 * outbox ({@code OutboxChannel}, {@code LT_OUTBOX}) records what would be sent, SMTP and
 * SMS-gateway channels plug in beside it. The delivery stage that calls it belongs to {@code
 * messages}.
 */
package io.linktrack.delivery;
