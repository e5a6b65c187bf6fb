/**
 * Outbound messages, single and bulk, and the message record. The outbound path is three stages,
 * each in a database transaction of its own: intake ({@code Intake}, behind {@code Messages}),
 * preparation ({@code MessagePreparation}, behind {@code OutboundMessageConsumer}) and delivery
 * ({@code Delivery}, behind {@code DeliveryConsumer}); both consumers retry and park through {@code
 * Redelivery}. Reading messages is {@code MessageQueries}. Shortening comes from {@code
 * links.boundary.MessageLinks} and the click fields from {@code LinksOfMessages}, the channels from
 * {@code delivery}, a message's clicks are listed by {@code clicks}.
 */
package io.linktrack.messages;
