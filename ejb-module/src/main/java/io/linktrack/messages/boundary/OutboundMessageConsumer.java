package io.linktrack.messages.boundary;

import io.linktrack.messages.control.MessagePreparation;
import io.linktrack.messages.control.MessageQueues;
import io.linktrack.messages.entity.InboundRecord;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes each outbound record off the outbound queue: prepares its message, then passes the message
 * on to delivery. Failures follow {@link Redelivery}.
 *
 * <p>Runs in the consumer's JMS transaction. The preparation commits first in a database
 * transaction of its own; the hand-over to the delivery queue commits with the acknowledgement of
 * the record. If the server dies between the two, the record is redelivered, finds its message
 * READY, and only the hand-over is repeated. No two-phase commit is involved.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/linktrack/OutboundQueue"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class OutboundMessageConsumer implements MessageListener {

  @Inject Redelivery redelivery;

  @Inject MessagePreparation preparation;

  @Inject MessageQueues queues;

  @Override
  public void onMessage(Message message) {
    try {
      String payload = message instanceof TextMessage text ? text.getText() : null;
      String jmsMessageId = message.getJMSMessageID();
      String named = "outbound record " + jmsMessageId;
      redelivery
          .attempt(
              new Redelivery.Named(named, named),
              message.getIntProperty("JMSXDeliveryCount"),
              () -> InboundRecord.parse(payload, jmsMessageId),
              preparation::prepare,
              preparation::fail)
          .ifPresent(queues::toDelivery);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable outbound record", e);
    }
  }
}
