package io.linktrack.links.rest;

import io.linktrack.clicks.boundary.ClickRecorder;
import io.linktrack.clicks.boundary.Redirect;
import io.linktrack.platform.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The short link, wherever {@link ShortLinkFilter} (which answers redirects before JAX-RS) left it:
 * unknown and retired codes, guessers, and the rarer spellings of a short-link path. What to answer
 * is decided once per request by {@link ClickRecorder}: the filter hands its decision on, and only
 * a request the filter did not decide is decided here.
 *
 * <p>A retired link answers 410 Gone; an expired one redirects to the configured fallback URL, or
 * answers 410 when there is none. Neither counts a click: the click path only ever records live
 * links.
 *
 * <p>A miss (a code with a wrong tag, refused before any lookup, or an unknown one) is a 404 until
 * the client's network has missed too often; then 429 for a while. Hits never pass the counter.
 */
@Path("/")
@ApplicationScoped
public class RedirectResource {

  static final String TOO_MANY = "urn:linktrack:problem:too-many-misses";

  private static final String NOT_FOUND_PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          + "<title>Link not found</title></head><body style=\"font-family:sans-serif;"
          + "max-width:32em;margin:4em auto;padding:0 1em\"><h1>Link not found</h1>"
          + "<p>This link does not exist. Please check that it was copied completely.</p>"
          + "</body></html>";

  // Fixed text: nothing from the request is echoed into the page.
  private static final String GONE_PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          + "<title>Link no longer available</title></head><body style=\"font-family:sans-serif;"
          + "max-width:32em;margin:4em auto;padding:0 1em\"><h1>Link no longer available</h1>"
          + "<p>This link has expired or was withdrawn by its sender.</p>"
          + "</body></html>";

  @Inject ClickRecorder clicks;

  /**
   * A hit on a short link: a person's click is answered once it is durably recorded. Previews and
   * scanners (HEAD among them) get the same answer; their hits are stored as bot clicks.
   */
  @GET
  @Path("{code}")
  public Response follow(@PathParam("code") String code, @Context HttpServletRequest request) {
    return hit(code, request);
  }

  @HEAD
  @Path("{code}")
  public Response preview(@PathParam("code") String code, @Context HttpServletRequest request) {
    return hit(code, request);
  }

  private Response hit(String code, HttpServletRequest request) {
    Redirect decision =
        request.getAttribute(ShortLinkFilter.DECISION) instanceof Redirect decided
            ? decided
            : clicks.follow(code, request.getQueryString(), ShortLinkFilter.hit(request));
    return switch (decision.outcome()) {
      case FOUND -> {
        Response.ResponseBuilder found = Response.status(Response.Status.FOUND);
        found(decision.location(), found::status, found::header);
        yield found.build();
      }
      case NOT_FOUND -> notFound();
      case GONE -> gone();
      case TOO_MANY_MISSES -> tooMany(decision.retryAfter());
    };
  }

  /**
   * The one 302 of a short link, written by {@link ShortLinkFilter} and here alike. 302 Found, not
   * 301: a permanent redirect is cached by browsers, and every later click would bypass Linktrack
   * and go uncounted; {@code no-store} keeps proxies from doing the same. The recipient's inbox or
   * chat URL is none of the destination's business: no referrer.
   */
  static void found(String location, IntConsumer status, BiConsumer<String, String> header) {
    status.accept(302);
    header.accept(HttpHeaders.LOCATION, location);
    header.accept(HttpHeaders.CACHE_CONTROL, "no-store");
    header.accept("Referrer-Policy", "no-referrer");
    header.accept("X-Content-Type-Options", "nosniff");
  }

  private static Response tooMany(Duration barredFor) {
    long seconds = Math.max(1, (barredFor.toMillis() + 999) / 1000);
    return Response.fromResponse(
            Problem.of(TOO_MANY, Response.Status.TOO_MANY_REQUESTS)
                .detail(
                    "Too many unknown short links from this network. Links that exist still work;"
                        + " please check the link you were sent.")
                .toResponse())
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static Response gone() {
    return Response.status(Response.Status.GONE)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(GONE_PAGE)
        .build();
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(NOT_FOUND_PAGE)
        .build();
  }
}
