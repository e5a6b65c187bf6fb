package io.linktrack.messages.boundary;

import io.linktrack.messages.control.MessagePreparation;
import io.linktrack.messages.control.MessageQueues;
import io.linktrack.messages.entity.InboundRecord;
import io.linktrack.platform.Attempts;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The outbound step: shorten a record's links and pass the message on to delivery.
 *
 * <p>Runs in the consumer's JMS transaction. The database work commits first in a transaction of
 * its own; the hand-over to the delivery queue commits with the acknowledgement of the record. If
 * the server dies between the two, the record is redelivered, finds its message READY, and only the
 * hand-over is repeated. No two-phase commit is involved.
 */
@Stateless
public class Outbound {

  private static final Logger LOG = Logger.getLogger(Outbound.class.getName());

  @Inject MessagePreparation preparation;

  @Inject MessageQueues queues;

  @Inject Attempts attempts;

  public void process(String payload, String jmsMessageId, int deliveryCount) {
    long messageId;
    InboundRecord record = null;
    try {
      record = InboundRecord.parse(payload, jmsMessageId);
      messageId = preparation.prepare(record);
    } catch (InvalidInput | NotFound e) {
      // Retrying cannot fix a record that breaks the rules or names no message: reject it, loudly.
      LOG.warning("Rejected outbound record " + jmsMessageId + ": " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      if (record == null || !attempts.isLast(deliveryCount)) {
        throw e;
      }
      String reason = Attempts.reason(e);
      LOG.warning("Giving up on outbound record " + jmsMessageId + ": " + reason);
      preparation.fail(record, reason);
      return;
    }
    queues.toDelivery(messageId);
  }
}
