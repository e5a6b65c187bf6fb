package io.linktrack.messages.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes each outbound record off the outbound queue. An adapter only: a failure is rethrown so the
 * engine rolls back and redelivers; {@link Outbound} parks the message after the last attempt.
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

  @Inject Outbound outbound;

  @Override
  public void onMessage(Message message) {
    try {
      String payload = message instanceof TextMessage text ? text.getText() : null;
      outbound.process(
          payload, message.getJMSMessageID(), message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable outbound record", e);
    }
  }
}
