package io.linktrack.messages.rest;

import io.linktrack.messages.entity.IdempotencyKeyReused;
import io.linktrack.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 422 as the IETF Idempotency-Key draft has it: the request is fine, its key is not. The sends' own
 * problem, so it lives with them and not in the problem handling both web modules share.
 */
@Provider
public class IdempotencyKeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {

  static final String KEY_REUSED = "urn:linktrack:problem:idempotency-key-reused";

  @Override
  public Response toResponse(IdempotencyKeyReused e) {
    return Problem.of(KEY_REUSED, 422, "Unprocessable Content")
        .detail(e.getMessage())
        .fieldError("Idempotency-Key", e.getMessage())
        .toResponse();
  }
}
