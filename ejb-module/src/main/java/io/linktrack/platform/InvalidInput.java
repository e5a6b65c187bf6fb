package io.linktrack.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request or record that breaks a rule of the domain. Names the offending field so that the
 * caller can fix it (none when the whole body is unreadable); the API turns it into a 400 problem
 * response. Thrown only before anything is written, so it does not need to roll back.
 */
@ApplicationException(rollback = false)
public class InvalidInput extends RuntimeException {
  private final String field;

  public InvalidInput(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
