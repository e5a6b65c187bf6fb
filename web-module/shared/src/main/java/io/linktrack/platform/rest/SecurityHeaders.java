package io.linktrack.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer is read as what it says it is: {@code nosniff} keeps a browser from running a JSON
 * or CSV body that happens to hold {@code <script>} (a link name, a message body) as HTML. The few
 * HTML pages (the redirect's 404 and 410) are fixed text; their policy allows no script at all.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("X-Content-Type-Options", "nosniff");
    MediaType type = response.getMediaType();
    if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
      headers.putSingle("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }
  }
}
