package io.linktrack.it.rules;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint for webhook alerts, as a CRM or chat tool would run one. It can be told to fail
 * its first requests (HTTP 500) to show that Linktrack retries.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  record Received(String body, String signature, String alertId, Instant at) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Received> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;

  private WebhookReceiver(int failFirst) throws IOException {
    failuresLeft = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Received request =
              new Received(
                  body,
                  exchange.getRequestHeaders().getFirst("X-Linktrack-Signature"),
                  exchange.getRequestHeaders().getFirst("X-Linktrack-Alert"),
                  Instant.now());
          int status;
          if (failuresLeft.getAndDecrement() > 0) {
            refused.add(request);
            status = 500;
          } else {
            received.add(request);
            status = 204;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  static WebhookReceiver start() throws IOException {
    return new WebhookReceiver(0);
  }

  /** Answers 500 to the first {@code failures} requests, then 204. */
  static WebhookReceiver failingFirst(int failures) throws IOException {
    return new WebhookReceiver(failures);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Requests answered with success. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** Requests answered with a failure. */
  List<Received> refused() {
    return List.copyOf(refused);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
