package io.linktrack.links.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.links.boundary.CustomLinkDraft;
import io.linktrack.links.boundary.LinkQuery;
import io.linktrack.links.boundary.LinkView;
import io.linktrack.links.boundary.Links;
import io.linktrack.links.entity.LinkType;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.Page;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Custom links, and every link with its counters. */
@Path("links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class LinksResource {

  @Inject Links links;

  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(String body) {
    LinkView link = links.create(CustomLinkDraft.fromJson(JsonFields.parse(body, "A link")));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(link.id()))
        .entity(link)
        .build();
  }

  @GET
  @Path("{id}")
  public LinkView find(@PathParam("id") String id) {
    return links.find(Params.id("link", id));
  }

  @GET
  public Page<LinkView> search(
      @QueryParam("type") String type,
      @QueryParam("campaignId") String campaignId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return links.search(
        new LinkQuery(
            LinkType.parse("type", type),
            Params.optionalLong("campaignId", campaignId),
            Params.intOr("page", page, 0),
            Params.intOr("size", size, 50)));
  }

  /** Retires a custom link; its history stays. Repeating it changes nothing. */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response retire(@PathParam("id") String id) {
    links.retire(Params.id("link", id));
    return Response.noContent().build();
  }
}
