package io.linktrack.clicks.control;

import java.util.List;

/** A batch of clicks whose rows are committed (batch {@code id}) but not yet counted on links. */
public record AppendedBatch(long id, List<PendingClick> clicks) {}
