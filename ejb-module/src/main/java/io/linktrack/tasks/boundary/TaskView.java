package io.linktrack.tasks.boundary;

import io.linktrack.tasks.entity.Task;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** A task as the API shows it; {@code alertId} names the firing that created it. */
@JsonbNillable
public record TaskView(
    long id,
    String assignee,
    String subject,
    String description,
    String contactId,
    Long alertId,
    String status,
    Instant createdAt) {

  static TaskView of(Task task) {
    return new TaskView(
        task.id(),
        task.assignee(),
        task.subject(),
        task.description(),
        task.contactId(),
        task.alertId(),
        task.status(),
        task.createdAt());
  }
}
