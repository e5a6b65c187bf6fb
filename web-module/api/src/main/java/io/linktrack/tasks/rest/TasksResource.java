package io.linktrack.tasks.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.platform.Page;
import io.linktrack.platform.rest.Params;
import io.linktrack.tasks.boundary.TaskView;
import io.linktrack.tasks.boundary.Tasks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** CRM tasks created by rules. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class TasksResource {

  @Inject Tasks tasks;

  @GET
  public Page<TaskView> list(
      @QueryParam("assignee") String assignee,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return tasks.list(
        Params.optionalText("assignee", assignee),
        Params.intOr("page", page, 0),
        Params.intOr("size", size, 50));
  }

  @GET
  @Path("{id}")
  public TaskView find(@PathParam("id") String id) {
    return tasks.find(Params.id("task", id));
  }
}
