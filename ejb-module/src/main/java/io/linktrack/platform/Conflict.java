package io.linktrack.platform;

import jakarta.ejb.ApplicationException;

/** The request would create a record that already exists. Thrown before anything is written. */
@ApplicationException(rollback = false)
public class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
