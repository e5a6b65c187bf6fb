package io.linktrack.delivery.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Takes READY message ids off the delivery queue; rethrows failures so the engine redelivers. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/linktrack/DeliveryQueue"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class DeliveryConsumer implements MessageListener {

  @Inject Delivery delivery;

  @Override
  public void onMessage(Message message) {
    try {
      long messageId = Long.parseLong(((TextMessage) message).getText().strip());
      delivery.deliver(messageId, message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable delivery record", e);
    }
  }
}
