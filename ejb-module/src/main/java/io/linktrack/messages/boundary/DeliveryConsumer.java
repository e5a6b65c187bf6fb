package io.linktrack.messages.boundary;

import io.linktrack.messages.control.Delivery;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Takes READY message ids off the delivery queue and delivers their messages. Failures follow
 * {@link Redelivery}.
 */
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

  private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class.getName());

  @Inject Redelivery redelivery;

  @Inject Delivery delivery;

  @Override
  public void onMessage(Message message) {
    try {
      Long messageId = messageIdOf(message);
      if (messageId == null) {
        // only Linktrack writes this queue; anything else can never be delivered
        LOG.warning("Rejected delivery record " + message.getJMSMessageID() + ": not a message id");
        return;
      }
      redelivery.attempt(
          new Redelivery.Named(
              "delivery of message " + messageId, "delivering message " + messageId),
          message.getIntProperty("JMSXDeliveryCount"),
          () -> messageId,
          id -> {
            delivery.send(id);
            return id;
          },
          delivery::fail);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable delivery record", e);
    }
  }

  private static Long messageIdOf(Message message) throws JMSException {
    if (message instanceof TextMessage text && text.getText() != null) {
      try {
        return Long.valueOf(text.getText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
