package io.linktrack.tasks.boundary;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import io.linktrack.tasks.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** CRM tasks that rules create, and the listing the CRM (or a person) works from. */
@Stateless
public class Tasks {

  public static final int MAX_SIZE = 500;

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  /** Runs in the caller's transaction (a rule's action). */
  public TaskView create(
      String assignee, String subject, String description, String contactId, Long alertId) {
    Task task = new Task(assignee, subject, description, contactId, alertId, Instant.now());
    em.persist(task);
    em.flush();
    return TaskView.of(task);
  }

  public TaskView find(long id) {
    Task task = em.find(Task.class, id);
    if (task == null) {
      throw new NotFound("task", id);
    }
    return TaskView.of(task);
  }

  /** Newest first; {@code assignee} null lists everyone's tasks. */
  public Page<TaskView> list(String assignee, int page, int size) {
    if (page < 0) {
      throw new InvalidInput("page", "page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "size is between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInput("page", "page is too far: page times size must stay below 2^31");
    }
    String where = assignee == null ? "" : " WHERE t.assignee = :assignee";
    var count = em.createQuery("SELECT COUNT(t) FROM Task t" + where, Long.class);
    var items =
        em.createQuery(
                "SELECT t FROM Task t" + where + " ORDER BY t.createdAt DESC, t.id DESC",
                Task.class)
            .setFirstResult(page * size)
            .setMaxResults(size);
    if (assignee != null) {
      count.setParameter("assignee", assignee);
      items.setParameter("assignee", assignee);
    }
    return new Page<>(
        items.getResultList().stream().map(TaskView::of).toList(),
        page,
        size,
        count.getSingleResult());
  }
}
