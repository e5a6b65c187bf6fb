package io.linktrack.contacts.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.contacts.boundary.ContactView;
import io.linktrack.contacts.boundary.Contacts;
import io.linktrack.contacts.boundary.Contacts.TimelineClick;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.Page;
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

/** Contacts: the CRM's id, the tags rules gave them, and their clicks. */
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class ContactsResource {

  @Inject Contacts contacts;

  @Context UriInfo uri;

  @POST
  @RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME})
  public Response create(String body) {
    JsonFields request = JsonFields.parse(body, "A contact");
    ContactView contact = contacts.create(request.text("id"), request.text("name"));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(contact.id()))
        .entity(contact)
        .build();
  }

  @GET
  @Path("{id}/timeline")
  public Page<TimelineClick> timeline(
      @PathParam("id") String id,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return contacts.timeline(id, Params.intOr("page", page, 0), Params.intOr("size", size, 50));
  }

  @GET
  @Path("{id}")
  public ContactView find(@PathParam("id") String id) {
    return contacts.find(id);
  }
}
