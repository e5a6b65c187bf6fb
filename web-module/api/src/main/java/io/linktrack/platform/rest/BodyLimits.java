package io.linktrack.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over their endpoint's limit with 413 before they are read in full: at once
 * when {@code Content-Length} says so, otherwise (chunked uploads) as soon as the reading passes
 * the limit. Without this a client could make the server buffer any amount into one string.
 *
 * <p>Limits: a bulk send ({@code linktrack.http.max-bulk-body}, 100,000 recipients must fit), a
 * single message ({@code linktrack.http.max-message-body}, an email body may be 1 MB before JSON
 * escaping), and everything else ({@code linktrack.http.max-body}).
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodyLimits implements ContainerRequestFilter {

  static final String TOO_LARGE = "urn:linktrack:problem:body-too-large";

  @Inject
  @ConfigProperty(name = "linktrack.http.max-body", defaultValue = "1048576")
  long maxBody;

  @Inject
  @ConfigProperty(name = "linktrack.http.max-message-body", defaultValue = "4194304")
  long maxMessageBody;

  @Inject
  @ConfigProperty(name = "linktrack.http.max-bulk-body", defaultValue = "67108864")
  long maxBulkBody;

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
      return;
    }
    long limit = limitFor(request.getUriInfo().getPath());
    int declared = request.getLength();
    String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared > limit || declared < 0 && header != null && isLongerThan(header, limit)) {
      request.abortWith(tooLarge(limit));
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit));
  }

  private long limitFor(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals("messages/bulk")) {
      return maxBulkBody;
    }
    return p.equals("messages") ? maxMessageBody : maxBody;
  }

  /** A Content-Length beyond int range shows as -1 in getLength(). */
  private static boolean isLongerThan(String header, long limit) {
    try {
      return Long.parseLong(header.strip()) > limit;
    } catch (NumberFormatException e) {
      return header.strip().length() > 18; // more digits than a long holds: surely too large
    }
  }

  static Response tooLarge(long limit) {
    return Response.fromResponse(
            Problem.of(TOO_LARGE, Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .detail(
                    "The request body is larger than this endpoint accepts (" + limit + " bytes)")
                .toResponse())
        // the rest of the body is not read: the connection cannot carry another request
        .header("Connection", "close")
        .build();
  }

  /** Counts what is read and stops with 413 once the limit is passed. */
  static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit - read + 1));
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new WebApplicationException(tooLarge(limit));
      }
    }
  }
}
