package io.linktrack.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem-details response. Field errors go in {@code errors}, each naming the field
 * the way the request named it, so a client can point at the offending input.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private final JsonObjectBuilder body = Json.createObjectBuilder();
  private final JsonArrayBuilder errors = Json.createArrayBuilder();
  private final int status;
  private boolean hasErrors;

  private Problem(String type, int status, String title) {
    this.status = status;
    body.add("type", type).add("title", title).add("status", status);
  }

  public static Problem of(String type, Response.Status status) {
    return new Problem(type, status.getStatusCode(), status.getReasonPhrase());
  }

  /** For statuses without a {@link Response.Status} constant, such as 422. */
  public static Problem of(String type, int status, String title) {
    return new Problem(type, status, title);
  }

  public static Problem of(int status) {
    Response.Status.Family family = Response.Status.Family.familyOf(status);
    Response.StatusType known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : family.name();
    return new Problem("about:blank", status, title);
  }

  public Problem detail(String detail) {
    if (detail != null) {
      body.add("detail", detail);
    }
    return this;
  }

  public Problem fieldError(String field, String message) {
    errors.add(Json.createObjectBuilder().add("field", field).add("message", message));
    hasErrors = true;
    return this;
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
  }

  /** The body alone, for answers written outside JAX-RS (the authentication mechanism). */
  public String toJson() {
    if (hasErrors) {
      body.add("errors", errors);
    }
    return body.build().toString();
  }
}
