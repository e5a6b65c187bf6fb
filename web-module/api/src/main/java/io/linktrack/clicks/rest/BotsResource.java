package io.linktrack.clicks.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.clicks.boundary.BotAgents;
import io.linktrack.clicks.boundary.BotAgents.BotAgentList;
import io.linktrack.clicks.boundary.Reclassification;
import io.linktrack.clicks.boundary.Reclassification.Outcome;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.rest.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Admin: the run-time bot list, and scoring stored clicks again after it changed. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class BotsResource {

  @Inject BotAgents agents;

  @Inject Reclassification reclassification;

  @GET
  @Path("bot-agents")
  public BotAgentList agents() {
    return agents.list();
  }

  @POST
  @Path("bot-agents")
  public BotAgentList addAgent(String body) {
    return agents.add(JsonFields.parse(body, "A bot user-agent text").text("text"));
  }

  @DELETE
  @Path("bot-agents/{text}")
  public BotAgentList removeAgent(@PathParam("text") String text) {
    return agents.remove(text);
  }

  /**
   * The same for any text: a user agent's text often has a {@code /} ({@code bingbot/2.0}), which
   * the server refuses in a path segment even when encoded.
   */
  @DELETE
  @Path("bot-agents")
  public BotAgentList removeAgentNamed(@QueryParam("text") String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidInput("text", "text names the stored text to remove");
    }
    return agents.remove(text);
  }

  /** {@code {"from": ..., "to": ...}}: ISO dates or instants, from inclusive, to exclusive. */
  @POST
  @Path("reclassify")
  public Outcome reclassify(String body) {
    JsonFields request = JsonFields.parse(body, "A reclassification");
    return reclassification.rescore(
        Params.optionalInstant("from", request.text("from")),
        Params.optionalInstant("to", request.text("to")));
  }
}
