package io.linktrack.rules.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.platform.Page;
import io.linktrack.platform.rest.Params;
import io.linktrack.rules.boundary.AlertQuery;
import io.linktrack.rules.boundary.AlertView;
import io.linktrack.rules.boundary.Alerts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every firing of the rules, newest first, with the delivery state of each action. */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class AlertsResource {

  @Inject Alerts alerts;

  @GET
  public Page<AlertView> search(
      @QueryParam("ruleId") String ruleId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return alerts.search(
        new AlertQuery(
            Params.optionalLong("ruleId", ruleId),
            Params.optionalInstant("from", from),
            Params.optionalInstant("to", to),
            Params.intOr("page", page, 0),
            Params.intOr("size", size, 50)));
  }
}
