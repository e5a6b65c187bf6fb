package io.linktrack.rules.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * The rule timer's progress: its position in the click feed and the last pass that had new clicks
 * (when, how many clicks, how many alerts it fired, how long its evaluation took).
 */
@JsonbNillable
public record PassStatus(
    Long position, Instant lastPassAt, int clicks, int alerts, long millis, long pendingActions) {}
