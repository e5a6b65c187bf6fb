package io.linktrack.messages.rest;

import io.linktrack.messages.boundary.BatchView;
import io.linktrack.messages.boundary.MessageQuery;
import io.linktrack.messages.boundary.MessageView;
import io.linktrack.messages.boundary.Messages;
import io.linktrack.messages.boundary.Page;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.rest.Params;
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

/**
 * Sending is asynchronous: 202 Accepted means the message is stored and on its way; its status
 * moves from QUEUED to READY to SENT.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagesResource {

  @Inject Messages messages;

  @Context UriInfo uri;

  @POST
  @Path("messages")
  public Response send(SendRequest request) {
    MessageView message = messages.submit(required(request).toDraft());
    return Response.accepted(message)
        .location(uri.getBaseUriBuilder().path("api/messages/{id}").build(message.id()))
        .build();
  }

  @POST
  @Path("messages/bulk")
  public Response sendBulk(BulkRequest request) {
    BatchView batch = messages.submitBulk(required(request).toDraft());
    return Response.accepted(new Accepted(batch.id(), batch.total()))
        .location(uri.getBaseUriBuilder().path("api/batches/{id}").build(batch.id()))
        .build();
  }

  /** What a bulk send answers: the batch to watch and how many messages it holds. */
  public record Accepted(long id, int total) {}

  @GET
  @Path("messages/{id}")
  public MessageView find(@PathParam("id") String id) {
    return messages.find(Params.id("message", id));
  }

  @GET
  @Path("messages")
  public Page<MessageView> search(
      @QueryParam("campaignId") String campaignId,
      @QueryParam("batchId") String batchId,
      @QueryParam("clicked") String clicked,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return messages.search(
        new MessageQuery(
            Params.optionalLong("campaignId", campaignId),
            Params.optionalLong("batchId", batchId),
            Params.optionalBoolean("clicked", clicked),
            Params.optionalInstant("from", from),
            Params.optionalInstant("to", to),
            Params.intOr("page", page, 0),
            Params.intOr("size", size, 50)));
  }

  @GET
  @Path("batches/{id}")
  public BatchView batch(@PathParam("id") String id) {
    return messages.batch(Params.id("batch", id));
  }

  private static <T> T required(T request) {
    if (request == null) {
      throw new InvalidInput("body", "The request needs a JSON body");
    }
    return request;
  }
}
