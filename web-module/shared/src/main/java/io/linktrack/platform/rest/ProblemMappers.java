package io.linktrack.platform.rest;

import io.linktrack.platform.Conflict;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.UnsupportedEncodingException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a problem-details response: domain exceptions into 400, 404 and 409,
 * broken JSON into 400, and anything unexpected into a 500 that shows no internals (the stack trace
 * goes to the log only).
 */
public final class ProblemMappers {

  static final String INVALID = "urn:linktrack:problem:invalid-request";
  static final String NOT_FOUND = "urn:linktrack:problem:not-found";
  static final String CONFLICT = "urn:linktrack:problem:conflict";

  private ProblemMappers() {}

  @Provider
  public static class InvalidInputMapper implements ExceptionMapper<InvalidInput> {
    @Override
    public Response toResponse(InvalidInput e) {
      Problem problem = Problem.of(INVALID, Response.Status.BAD_REQUEST).detail(e.getMessage());
      if (e.field() != null) {
        problem.fieldError(e.field(), e.getMessage());
      }
      return problem.toResponse();
    }
  }

  @Provider
  public static class NotFoundMapper implements ExceptionMapper<NotFound> {
    @Override
    public Response toResponse(NotFound e) {
      return Problem.of(NOT_FOUND, Response.Status.NOT_FOUND).detail(e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class ConflictMapper implements ExceptionMapper<Conflict> {
    @Override
    public Response toResponse(Conflict e) {
      return Problem.of(CONFLICT, Response.Status.CONFLICT).detail(e.getMessage()).toResponse();
    }
  }

  /** 404 for unknown paths, 405, 406, 415 and the like keep their status, as problems. */
  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (e.getResponse().getMediaType() != null
          && Problem.MEDIA_TYPE.equals(e.getResponse().getMediaType().toString())) {
        return e.getResponse(); // already a problem of ours (413 from BodyLimits)
      }
      // the engine's own message names its internals; the status phrase says enough
      Response problem = Problem.of(e.getResponse().getStatus()).toResponse();
      String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
      return allow == null
          ? problem
          : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }
  }

  /**
   * A body whose Content-Type names a charset the server does not know ({@code charset=""}, {@code
   * charset=nonsense}) cannot be read: 415, like any other media type the API does not take.
   */
  @Provider
  public static class UnknownCharsetMapper
      implements ExceptionMapper<UnsupportedEncodingException> {
    @Override
    public Response toResponse(UnsupportedEncodingException e) {
      return Problem.of(INVALID, Response.Status.UNSUPPORTED_MEDIA_TYPE)
          .detail("The charset of the Content-Type is not supported; send UTF-8")
          .toResponse();
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Exception e) {
      LOG.log(Level.SEVERE, "Unexpected failure", e);
      return Problem.of(500).detail("Linktrack could not complete the request.").toResponse();
    }
  }
}
