package io.linktrack.messages.entity;

import jakarta.ejb.ApplicationException;

/**
 * An Idempotency-Key sent again with another request than the one it was first used for: a client's
 * mistake, never a retry. Thrown before anything is written; the API answers 422.
 */
@ApplicationException(rollback = false)
public class IdempotencyKeyReused extends RuntimeException {
  public IdempotencyKeyReused() {
    super(
        "This Idempotency-Key was used for another request; a retry must send the same request"
            + " again, and a new request needs a new key");
  }
}
