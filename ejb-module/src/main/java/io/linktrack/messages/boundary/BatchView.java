package io.linktrack.messages.boundary;

/**
 * Progress of a bulk send. {@code processed} counts messages that reached an end (SENT or FAILED),
 * {@code failed} those of them that FAILED; {@code finished} once every message has ended.
 */
public record BatchView(long id, int total, long processed, long failed, boolean finished) {}
