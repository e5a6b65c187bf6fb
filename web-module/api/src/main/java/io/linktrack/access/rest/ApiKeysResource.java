package io.linktrack.access.rest;

import io.linktrack.access.boundary.ApiKeys;
import io.linktrack.access.boundary.ApiKeys.ApiKeyView;
import io.linktrack.access.boundary.ApiKeys.IssuedKey;
import io.linktrack.access.entity.Role;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Admin: API keys for systems such as the CRM. The key itself is in the 201 answer only. */
@Path("admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeysResource {

  @Inject ApiKeys keys;

  @Context UriInfo uri;

  /** {@code {"name": "CRM production", "role": "sender"}} */
  @POST
  public Response create(String body) {
    JsonFields request = JsonFields.parse(body, "An API key");
    IssuedKey key = keys.create(request.text("name"), request.text("role"));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(key.id()))
        .header("Cache-Control", "no-store")
        .entity(key)
        .build();
  }

  @GET
  public List<ApiKeyView> list() {
    return keys.list();
  }

  /** Revokes the key: refused from now on. The key stays listed, with its revocation time. */
  @DELETE
  @Path("{id}")
  public ApiKeyView revoke(@PathParam("id") String id) {
    return keys.revoke(Params.id("API key", id));
  }
}
