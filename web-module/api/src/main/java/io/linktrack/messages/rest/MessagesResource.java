package io.linktrack.messages.rest;

import io.linktrack.access.entity.Role;
import io.linktrack.clicks.boundary.ClickView;
import io.linktrack.clicks.boundary.MessageClicks;
import io.linktrack.messages.boundary.BatchView;
import io.linktrack.messages.boundary.MessageQueries;
import io.linktrack.messages.boundary.MessageQuery;
import io.linktrack.messages.boundary.MessageView;
import io.linktrack.messages.boundary.Messages;
import io.linktrack.messages.entity.BulkDraft;
import io.linktrack.messages.entity.IdempotentRequest;
import io.linktrack.messages.entity.MessageStatus;
import io.linktrack.messages.entity.OutboundDraft;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.Page;
import io.linktrack.platform.rest.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Sending is asynchronous: 202 Accepted means the message is stored and on its way; its status
 * moves from QUEUED to READY to SENT.
 *
 * <p>A client that may retry (a timeout, a lost connection) sends an {@code Idempotency-Key}: the
 * retry answers what the first request made, with {@code Idempotent-Replayed: true}, and sends
 * nothing a second time.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class MessagesResource {

  @Inject Messages messages;

  @Inject MessageQueries queries;

  @Inject MessageClicks clicks;

  @Context UriInfo uri;

  @Context SecurityContext security;

  static final String REPLAYED = "Idempotent-Replayed";

  @POST
  @Path("messages")
  @RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME})
  public Response send(@HeaderParam(IdempotentRequest.HEADER) String key, String body) {
    IdempotentRequest request = IdempotentRequest.of(key, asCaller("POST /api/messages"), body);
    Messages.Sent<MessageView> sent =
        messages.submit(OutboundDraft.fromJson(JsonFields.parse(body, "A message")), request);
    MessageView message = sent.view();
    return replayed(Response.accepted(message), sent)
        .location(uri.getBaseUriBuilder().path("messages/{id}").build(message.id()))
        .build();
  }

  @POST
  @Path("messages/bulk")
  @RolesAllowed({Role.ADMIN_NAME, Role.SENDER_NAME})
  public Response sendBulk(@HeaderParam(IdempotentRequest.HEADER) String key, String body) {
    IdempotentRequest request =
        IdempotentRequest.of(key, asCaller("POST /api/messages/bulk"), body);
    Messages.Sent<BatchView> sent =
        messages.submitBulk(BulkDraft.fromJson(JsonFields.parse(body, "A bulk send")), request);
    BatchView batch = sent.view();
    return replayed(Response.accepted(new Accepted(batch.id(), batch.total())), sent)
        .location(uri.getBaseUriBuilder().path("batches/{id}").build(batch.id()))
        .build();
  }

  /**
   * A key belongs to the caller who sent it: another caller's request under the same key is another
   * request (422), never a replay of what the first one made.
   */
  private String asCaller(String endpoint) {
    return endpoint + " by " + security.getUserPrincipal().getName();
  }

  private static Response.ResponseBuilder replayed(
      Response.ResponseBuilder response, Messages.Sent<?> sent) {
    return sent.replayed() ? response.header(REPLAYED, "true") : response;
  }

  /** What a bulk send answers: the batch to watch and how many messages it holds. */
  public record Accepted(long id, int total) {}

  @GET
  @Path("messages/{id}")
  public MessageView find(@PathParam("id") String id) {
    return queries.find(Params.id("message", id));
  }

  @GET
  @Path("messages/{id}/clicks")
  public Page<ClickView> clicks(
      @PathParam("id") String id,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return clicks.of(
        Params.id("message", id), Params.intOr("page", page, 0), Params.intOr("size", size, 50));
  }

  @GET
  @Path("messages")
  public Page<MessageView> search(
      @QueryParam("campaignId") String campaignId,
      @QueryParam("batchId") String batchId,
      @QueryParam("status") String status,
      @QueryParam("clicked") String clicked,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return queries.search(
        new MessageQuery(
            Params.optionalLong("campaignId", campaignId),
            Params.optionalLong("batchId", batchId),
            MessageStatus.parse("status", status),
            Params.optionalBoolean("clicked", clicked),
            Params.optionalInstant("from", from),
            Params.optionalInstant("to", to),
            Params.intOr("page", page, 0),
            Params.intOr("size", size, 50)));
  }

  @GET
  @Path("batches/{id}")
  public BatchView batch(@PathParam("id") String id) {
    return queries.batch(Params.id("batch", id));
  }
}
