package io.linktrack.links.rest;

import io.linktrack.clicks.boundary.ClickRecorder;
import io.linktrack.clicks.boundary.Redirect;
import io.linktrack.clicks.entity.Hit;
import io.linktrack.links.entity.ShortCode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The short-link hot path: {@code GET} or {@code HEAD /{code}} of a live link is answered here,
 * before the JAX-RS engine. Routing, resource and parameter injection, and response filters cost
 * more per request than the click itself (docs/performance.md), and a short link needs none of
 * them. What a request is answered with is decided once, by {@link ClickRecorder}: a redirect is
 * written here ({@link RedirectResource#found}, the one 302 of both); anything else (unknown,
 * retired codes, the 429 for guessers) goes on to JAX-RS with the decision attached, where {@link
 * RedirectResource} answers it without deciding again; so do odd spellings of a path. Both are the
 * short-link web module (web-module/links), which has no authentication mechanism.
 */
@WebFilter(urlPatterns = "/*", filterName = "ShortLinkFilter")
public class ShortLinkFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The request attribute that carries a decision on to {@link RedirectResource}. */
  static final String DECISION = Redirect.class.getName();

  @Inject ClickRecorder clicks;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String code = codeOf(request);
    if (code == null) {
      chain.doFilter(request, response);
      return;
    }
    Redirect decision;
    try {
      decision = clicks.follow(code, request.getQueryString(), hit(request));
    } catch (RuntimeException e) {
      // a code not yet cached while the database is down: JAX-RS answers with a problem body
      chain.doFilter(request, response);
      return;
    }
    if (decision.found()) {
      RedirectResource.found(decision.location(), response::setStatus, response::setHeader);
      return;
    }
    request.setAttribute(DECISION, decision);
    chain.doFilter(request, response);
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
}
