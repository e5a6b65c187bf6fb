package io.linktrack.it.platform;

import static io.linktrack.it.Linktrack.json;
import static io.linktrack.it.Linktrack.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies over an endpoint's limit are refused with 413 before they are read in full, whether their
 * size is declared or they come chunked; deeply nested JSON is a 400. Raw sockets, so the test
 * controls exactly how much of a body is sent before the answer is read.
 */
class BodyLimitsIT {

  private static final URI BASE = URI.create(Linktrack.BASE);

  /** What the server answered: the status line and everything after the headers. */
  private record Answer(int status, String headers, String body, Duration took) {}

  /**
   * Sends the request head, then {@code chunks} pieces of body (chunked when {@code contentLength}
   * is null), then reads the answer. Writing stops quietly when the server has already answered and
   * closed.
   */
  private static Answer send(String path, Long contentLength, int chunks, byte[] chunk)
      throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + BASE.getHost()
              + "\r\nAuthorization: "
              + Linktrack.basic(Linktrack.ADMIN_USER, Linktrack.ADMIN_PASSWORD)
              + "\r\nContent-Type: application/json\r\n"
              + (contentLength == null
                  ? "Transfer-Encoding: chunked\r\n"
                  : "Content-Length: " + contentLength + "\r\n")
              + "\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < chunks; i++) {
          if (contentLength == null) {
            out.write(
                (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(chunk);
          }
          out.flush();
        }
      } catch (IOException e) {
        // the server answered and closed the connection before the whole body was sent: fine
      }
      return read(socket.getInputStream(), start);
    }
  }

  private static Answer read(InputStream in, long start) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    String text = "";
    try {
      while ((n = in.read(buffer)) > 0) {
        received.write(buffer, 0, n);
        text = received.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end > 0 && text.contains("}")) {
          break; // the problem body is one small JSON object
        }
      }
    } catch (IOException e) {
      // connection reset after the answer: what was read counts
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int end = text.indexOf("\r\n\r\n");
    assertTrue(end > 0, "the server should answer with a complete head, got: " + text);
    int status = Integer.parseInt(text.substring(9, 12));
    return new Answer(status, text.substring(0, end), text.substring(end + 4), took);
  }

  private static byte[] spaces(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  private static void assertTooLarge(Answer answer) {
    assertEquals(413, answer.status(), "an oversized body gets 413: " + answer.headers());
    assertTrue(
        answer.headers().toLowerCase().contains("content-type: application/problem+json"),
        answer.headers());
    assertTrue(answer.body().contains("\"status\":413"), answer.body());
    assertTrue(
        answer.took().compareTo(Duration.ofSeconds(10)) < 0, "answered quickly: " + answer.took());
  }

  @AfterEach
  void theServerStaysHealthy() {
    Response response = Linktrack.get("api/messages?size=1");
    assertEquals(200, response.getStatus(), "the server answers normally after an oversized body");
    response.close();
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws IOException {
    // 200 MiB declared, 64 KiB sent: the answer cannot have waited for the rest
    Answer answer = send("/api/links", 200L * 1024 * 1024, 1, spaces(64 * 1024));
    assertTooLarge(answer);
  }

  @Test
  void aBulkSendHasItsOwnLargerLimitButOneToo() throws IOException {
    assertTooLarge(send("/api/messages/bulk", 65L * 1024 * 1024, 1, spaces(1024)));
    // 2 MiB is over the 1 MiB of ordinary endpoints, well within the bulk limit: read and judged
    Answer within = send("/api/messages/bulk", 2L * 1024 * 1024, 32, spaces(64 * 1024));
    assertEquals(400, within.status(), "blank JSON is a bad request, not too large");
  }

  @Test
  void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws IOException {
    // 4 MiB in 64 KiB chunks to an endpoint that takes 1 MiB
    Answer answer = send("/api/links", null, 64, spaces(64 * 1024));
    assertTooLarge(answer);
  }

  @Test
  void deeplyNestedJsonIsABadRequestNotAServerError() {
    int depth = 100_000;
    String nested = "{\"url\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"name\":\"x\"}";
    Response response = post("api/links", nested);
    assertEquals(400, response.getStatus(), "deep nesting is the client's mistake");
    assertEquals("application/problem+json", response.getMediaType().toString());
    assertEquals(400, json(response).getInt("status"));
  }
}
