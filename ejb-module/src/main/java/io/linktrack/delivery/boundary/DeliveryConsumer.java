package io.linktrack.delivery.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

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

  private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class.getName());

  @Override
  public void onMessage(Message message) {
    try {
      Long messageId = messageIdOf(message);
      if (messageId == null) {
        // only Linktrack writes this queue; anything else can never be delivered
        LOG.warning("Rejected delivery record " + message.getJMSMessageID() + ": not a message id");
        return;
      }
      delivery.deliver(messageId, message.getIntProperty("JMSXDeliveryCount"));
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
