package io.linktrack.crmstub;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * POST the text of an outbound record; it goes onto the outbound queue exactly as sent, as a JMS
 * TextMessage, and the JMS message id comes back. With {@code ?copies=N} the same JMS message
 * content is sent N times (a CRM retrying a send).
 */
@WebServlet("/outbound")
public class OutboundQueueServlet extends HttpServlet {

  @Resource(lookup = "jms/linktrack/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/linktrack/OutboundQueue")
  Queue outbound;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String record = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String copiesParam = request.getParameter("copies");
    int copies = copiesParam == null ? 1 : Integer.parseInt(copiesParam);
    StringBuilder ids = new StringBuilder();
    try (JMSContext jms = connectionFactory.createContext()) {
      for (int i = 0; i < copies; i++) {
        TextMessage message = jms.createTextMessage(record);
        jms.createProducer().send(outbound, message);
        ids.append(message.getJMSMessageID()).append('\n');
      }
    } catch (JMSException e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().write(ids.toString());
  }
}
