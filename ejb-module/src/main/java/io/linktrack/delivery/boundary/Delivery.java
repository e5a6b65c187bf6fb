package io.linktrack.delivery.boundary;

import io.linktrack.delivery.control.Dispatcher;
import io.linktrack.platform.Attempts;
import io.linktrack.platform.NotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** The delivery step: send a READY message, or park it as FAILED after its last attempt. */
@Stateless
public class Delivery {

  private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

  @Inject Dispatcher dispatcher;

  @Inject Attempts attempts;

  public void deliver(long messageId, int deliveryCount) {
    try {
      dispatcher.send(messageId);
    } catch (NotFound e) {
      LOG.warning("Rejected delivery of message " + messageId + ": " + e.getMessage());
    } catch (RuntimeException e) {
      if (!attempts.isLast(deliveryCount)) {
        throw e;
      }
      String reason = Attempts.reason(e);
      LOG.warning("Giving up on delivering message " + messageId + ": " + reason);
      dispatcher.fail(messageId, reason);
    }
  }
}
