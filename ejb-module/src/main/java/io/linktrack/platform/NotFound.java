package io.linktrack.platform;

import jakarta.ejb.ApplicationException;

/** A record that the caller named by id does not exist. Thrown by reads; nothing to roll back. */
@ApplicationException(rollback = false)
public class NotFound extends RuntimeException {
  public NotFound(String what, Object id) {
    super("No " + what + " with id " + id);
  }
}
