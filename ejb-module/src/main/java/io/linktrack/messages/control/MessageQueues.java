package io.linktrack.messages.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The two queues of the outbound path. The outbound queue carries records to shorten, the delivery
 * queue the ids of messages ready to send. Sends join the caller's transaction unless said
 * otherwise; that transaction never also holds database work (see docs/architecture.md).
 */
@ApplicationScoped
public class MessageQueues {

  @Inject
  @JMSConnectionFactory("jms/linktrack/ConnectionFactory")
  JMSContext jms;

  @Resource(lookup = "jms/linktrack/OutboundQueue")
  Queue outbound;

  @Resource(lookup = "jms/linktrack/DeliveryQueue")
  Queue delivery;

  /** Puts stored messages on the outbound queue, all or none, in a transaction of their own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void toOutbound(List<Long> messageIds) {
    JMSProducer producer = jms.createProducer();
    for (Long id : messageIds) {
      producer.send(outbound, "{\"messageId\":" + id + "}");
    }
  }

  /** Hands a prepared message to delivery, in the caller's (the consumer's) transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void toDelivery(long messageId) {
    jms.createProducer().send(delivery, Long.toString(messageId));
  }
}
