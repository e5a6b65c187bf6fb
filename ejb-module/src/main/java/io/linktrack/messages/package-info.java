/**
 * Outbound messages, single and bulk: accepting them, carrying them through the outbound queue, and
 * the message record with its link-tracking fields. Delivery itself is in {@code delivery},
 * shortening in {@code links}, click counting in {@code clicks}.
 */
package io.linktrack.messages;
