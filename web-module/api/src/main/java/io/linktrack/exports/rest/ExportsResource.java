package io.linktrack.exports.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.exports.boundary.ExportQuery;
import io.linktrack.exports.boundary.Exports;
import io.linktrack.platform.rest.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * CSV downloads. The parameters are checked before the first byte is sent, so a bad one still gets
 * a 400 problem; the rows are then streamed as they are read.
 */
@Path("exports")
@RolesAllowed(Role.ADMIN_NAME)
public class ExportsResource {

  static final String CSV = "text/csv; charset=UTF-8";

  @Inject Exports exports;

  @GET
  @Path("links.csv")
  @Produces(CSV)
  public Response links(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("campaignId") String campaignId) {
    ExportQuery query = query(from, to, campaignId);
    return csv("links.csv", out -> exports.writeLinks(query, out));
  }

  @GET
  @Path("messages.csv")
  @Produces(CSV)
  public Response messages(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("campaignId") String campaignId) {
    ExportQuery query = query(from, to, campaignId);
    return csv("messages.csv", out -> exports.writeMessages(query, out));
  }

  private static ExportQuery query(String from, String to, String campaignId) {
    return new ExportQuery(
        Params.optionalInstant("from", from),
        Params.optionalInstant("to", to),
        Params.optionalLong("campaignId", campaignId));
  }

  private static Response csv(String filename, StreamingOutput body) {
    return Response.ok(body, CSV)
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
