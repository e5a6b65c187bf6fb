package io.linktrack.clicks.control;

import java.time.Instant;
import java.util.List;

/**
 * A batch of clicks whose rows are committed (batch {@code id}, at {@code appendedAt}) but not yet
 * counted on links.
 */
public record AppendedBatch(long id, Instant appendedAt, List<PendingClick> clicks) {}
