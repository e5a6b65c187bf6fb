package io.linktrack.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the records' current state does not allow: a record that already exists, or retiring a
 * message link. Thrown before anything is written; the API turns it into a 409 problem response.
 */
@ApplicationException(rollback = false)
public class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
