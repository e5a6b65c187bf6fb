package io.linktrack.rules.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.rest.Params;
import io.linktrack.rules.boundary.PassStatus;
import io.linktrack.rules.boundary.RulePasses;
import io.linktrack.rules.boundary.RuleView;
import io.linktrack.rules.boundary.Rules;
import io.linktrack.rules.entity.RuleDraft;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Workflow rules: what to watch and what to do when it is exceeded. */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class RulesResource {

  @Inject Rules rules;

  @Inject RulePasses passes;

  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(String body) {
    RuleView rule = rules.create(RuleDraft.fromJson(JsonFields.parse(body, "A rule")));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(rule.id()))
        .entity(rule)
        .build();
  }

  @GET
  public List<RuleView> list() {
    return rules.list();
  }

  /** The rule timer's progress and the figures of its last pass with new clicks. */
  @GET
  @Path("status")
  public PassStatus status() {
    return passes.status();
  }

  @GET
  @Path("{id}")
  public RuleView find(@PathParam("id") String id) {
    return rules.find(Params.id("rule", id));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public RuleView update(@PathParam("id") String id, String body) {
    long ruleId = Params.id("rule", id);
    return rules.update(ruleId, RuleDraft.fromJson(JsonFields.parse(body, "A rule")));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response delete(@PathParam("id") String id) {
    rules.delete(Params.id("rule", id));
    return Response.noContent().build();
  }
}
