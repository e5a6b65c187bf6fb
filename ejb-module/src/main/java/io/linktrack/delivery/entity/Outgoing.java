package io.linktrack.delivery.entity;

/**
 * What a channel sends: one message as its recipient receives it, the body with its short links.
 * {@code channel} is SMS or EMAIL; {@code id} is the message id, which keeps a repeated delivery
 * from sending twice.
 */
public record Outgoing(
    long id, String channel, String to, String from, String subject, String body) {}
