package io.linktrack.links.rest;

import io.linktrack.clicks.boundary.ClickRecorder;
import io.linktrack.links.boundary.Links;
import io.linktrack.links.boundary.Unavailable;
import io.linktrack.links.control.CodeTags;
import io.linktrack.links.control.MissCounter;
import io.linktrack.links.control.RedirectTarget;
import io.linktrack.links.entity.ShortCode;
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

/**
 * The short link, wherever {@link ShortLinkFilter} (which answers live links before JAX-RS) left
 * it: unknown, expired and retired codes, guessers, and the rarer spellings of a short-link path.
 * Live links are answered the same way here. 302 Found, not 301: a permanent redirect is cached by
 * browsers, and every later click would bypass Linktrack and go uncounted. {@code Cache-Control:
 * no-store} keeps proxies from doing the same.
 *
 * <p>A retired link answers 410 Gone; an expired one redirects to the configured fallback URL, or
 * answers 410 when there is none. Neither counts a click: the click path only ever sees live links.
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

  @Inject Links links;

  @Inject CodeTags tags;

  @Inject MissCounter misses;

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
    if (tags.refuses(code)) {
      // a guessed code: refused on its tag alone, no cache or database lookup
      return missed(request);
    }
    return clicks
        .follow(code, ShortLinkFilter.hit(request))
        .map(url -> redirectTo(url, request.getQueryString()))
        .orElseGet(() -> unavailable(code, request));
  }

  private Response unavailable(String code, HttpServletRequest request) {
    Unavailable unavailable = links.unavailable(code);
    return switch (unavailable.reason()) {
      // a malformed code (favicon.ico, robots.txt, a truncated copy) costs no lookup: not counted
      case UNKNOWN -> ShortCode.parse(code).isPresent() ? missed(request) : notFound();
      case RETIRED -> gone();
      case EXPIRED ->
          unavailable.fallbackUrl() == null ? gone() : redirectTo(unavailable.fallbackUrl(), null);
    };
  }

  /**
   * An unknown code. Past the miss limit the address gets 429 for a while instead of 404; its
   * clicks on real links still redirect (see {@link MissCounter}).
   */
  private Response missed(HttpServletRequest request) {
    return misses
        .miss(request.getRemoteAddr())
        .map(RedirectResource::tooMany)
        .orElseGet(RedirectResource::notFound);
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

  private static Response redirectTo(String originalUrl, String shortLinkQuery) {
    String location = RedirectTarget.location(originalUrl, shortLinkQuery);
    return Response.status(Response.Status.FOUND)
        .header(HttpHeaders.LOCATION, location)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        // the recipient's inbox or chat URL is none of the destination's business
        .header("Referrer-Policy", "no-referrer")
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
