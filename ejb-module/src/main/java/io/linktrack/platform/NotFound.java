package io.linktrack.platform;

import jakarta.ejb.ApplicationException;

/** A record that the caller named by id does not exist. Thrown by reads; nothing to roll back. */
@ApplicationException(rollback = false)
public class NotFound extends RuntimeException {
  /**
   * A numeric id is named in the message; any other (a CRM contact id, a path segment that is no id
   * at all) is not: a problem detail never quotes what a client sent.
   */
  public NotFound(String what, Object id) {
    super(id instanceof Number ? "No " + what + " with id " + id : "No " + what + " with that id");
  }
}
