package io.linktrack.campaigns.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.campaigns.boundary.CampaignReport;
import io.linktrack.campaigns.boundary.Campaigns;
import io.linktrack.campaigns.boundary.Campaigns.CampaignView;
import io.linktrack.campaigns.entity.UtmParameters;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.rest.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class CampaignsResource {

  @Inject Campaigns campaigns;

  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(String body) {
    JsonFields request = JsonFields.parse(body, "A campaign");
    CampaignView campaign =
        campaigns.create(
            request.text("name"),
            request.bool("trackLinks"),
            UtmParameters.fromJson(request.object("utmParameters"), "utmParameters"));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(campaign.id()))
        .entity(campaign)
        .build();
  }

  @GET
  @Path("{id}/report")
  public CampaignReport report(
      @PathParam("id") String id,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return campaigns.report(
        Params.id("campaign", id), Params.intOr("page", page, 0), Params.intOr("size", size, 50));
  }

  @GET
  @Path("{id}")
  public CampaignView find(@PathParam("id") String id) {
    return campaigns.find(Params.id("campaign", id));
  }
}
