package io.linktrack.links.rest;

import io.linktrack.clicks.boundary.ClickRecorder;
import io.linktrack.clicks.control.Hit;
import io.linktrack.links.control.CodeTags;
import io.linktrack.links.control.RedirectTarget;
import io.linktrack.links.entity.ShortCode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The short-link hot path: {@code GET} or {@code HEAD /{code}} of a live link is answered here,
 * before the JAX-RS engine. Routing, resource and parameter injection, and response filters cost
 * more per request than the click itself (docs/performance.md), and a short link needs none of
 * them. Everything else (unknown, expired or retired codes, the 429 for guessers, odd spellings of
 * a path) goes on to JAX-RS, where {@link RedirectResource} answers it the same way. Both are the
 * short-link web module (web-module/links), which has no authentication mechanism.
 */
@WebFilter(urlPatterns = "/*", filterName = "ShortLinkFilter")
public class ShortLinkFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject ClickRecorder clicks;

  @Inject CodeTags tags;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String code = codeOf(request);
    Optional<String> destination = Optional.empty();
    if (code != null && !tags.refuses(code)) {
      try {
        destination = clicks.follow(code, hit(request));
      } catch (RuntimeException e) {
        // a code not yet cached while the database is down: JAX-RS answers with a problem body
        destination = Optional.empty();
      }
    }
    if (destination.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    redirect(response, RedirectTarget.location(destination.get(), request.getQueryString()));
  }

  /**
   * The code of a request for {@code /{code}}, or null for any other request. Only the plain form
   * is taken: a well-formed code ({@link ShortCode}) is base62, so a path with an escape, a second
   * segment or matrix parameters is not one and is left to JAX-RS.
   */
  static String codeOf(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String uri = request.getRequestURI();
    int start = request.getContextPath().length() + 1;
    if (uri.length() <= start || uri.charAt(start - 1) != '/') {
      return null;
    }
    String candidate = uri.substring(start);
    return ShortCode.parse(candidate).isPresent() ? candidate : null;
  }

  static Hit hit(HttpServletRequest request) {
    return Hit.of(
        request.getMethod(),
        request::getHeader,
        request.getHeader("User-Agent"),
        request.getRemoteAddr());
  }

  /**
   * 302 Found, not 301: a permanent redirect is cached by browsers, and every later click would
   * bypass Linktrack and go uncounted; {@code no-store} keeps proxies from doing the same. The
   * recipient's inbox or chat URL is none of the destination's business: no referrer.
   */
  static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
  }
}
