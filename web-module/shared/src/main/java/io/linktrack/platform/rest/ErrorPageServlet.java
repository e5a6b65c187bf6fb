package io.linktrack.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (WEB-INF/web.xml): errors it answers itself, before JAX-RS
 * sees the request (a request URI with {@code %00} or an invalid UTF-8 escape, for example), become
 * problems like every other error, instead of the server's own HTML page. Nothing of the request is
 * echoed.
 */
@WebServlet("/linktrack-error")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : HttpServletResponse.SC_BAD_REQUEST;
    Response.StatusType known = Response.Status.fromStatusCode(status);
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", known != null ? known.getReasonPhrase() : "Error")
            .add("status", status);
    response.setStatus(status);
    // JSON is UTF-8 by definition: written as bytes, the type carries no charset, like the others
    response.setContentType(Problem.MEDIA_TYPE);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(problem.build().toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
