package io.linktrack.access.rest;

import io.linktrack.access.boundary.ApiKeys;
import io.linktrack.access.boundary.BootstrapAdmin;
import io.linktrack.access.entity.Caller;
import io.linktrack.access.entity.Role;
import io.linktrack.platform.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;

/**
 * Who is calling the API. This mechanism belongs to the API's web module (context root /api): every
 * request it sees needs credentials. Short links are another web module without any mechanism
 * (web-module/links), so a click never reaches this class. A request must carry either
 *
 * <ul>
 *   <li>{@code Authorization: Bearer lt_...}, an API key ({@link ApiKeys}), which carries its role
 *       as its registry group, or
 *   <li>{@code Authorization: Basic ...}, a person in Liberty's user registry (security.xml: basic,
 *       or LDAP), whose groups map to roles; or the bootstrap administrator ({@link
 *       BootstrapAdmin}).
 * </ul>
 *
 * Anything else is answered here with 401 and a problem body. Which role may call what is up to
 * {@code @RolesAllowed} on the resources (403 through the problem mappers).
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(ApiAuthentication.class.getName());

  static final String UNAUTHORIZED = "urn:linktrack:problem:unauthorized";
  // Liberty answers SEND_CONTINUE with a Basic challenge naming the registry's realm
  // (LINKTRACK_REALM), whatever is set here; API-key clients know to send Bearer anyway
  private static final String CHALLENGE = "Basic realm=\"Linktrack\"";

  @Inject ApiKeys apiKeys;

  @Inject BootstrapAdmin bootstrapAdmin;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return refuse(response, "Sign in: HTTP Basic (a user) or Bearer (an API key).");
    }
    if (startsWith(header, "Bearer ")) {
      Optional<Caller> caller = apiKeys.verify(header.substring(7).strip());
      return caller.isPresent()
          ? signIn(context, caller.get())
          : refuse(response, "The API key is unknown or was revoked.");
    }
    if (startsWith(header, "Basic ")) {
      String[] credentials = basic(header.substring(6).strip());
      if (credentials == null) {
        return refuse(response, "The Basic credentials are not user:password in base64.");
      }
      if (inRegistry(context, credentials[0], credentials[1])) {
        return AuthenticationStatus.SUCCESS;
      }
      if (bootstrapAdmin.verify(credentials[0], credentials[1])) {
        return signIn(context, new Caller(credentials[0], Role.ADMIN));
      }
      return refuse(response, "Unknown user or wrong password.");
    }
    return refuse(response, "Only Basic and Bearer credentials are understood.");
  }

  /**
   * Vouches for a caller Linktrack verified itself. The result names the realm, so that its group
   * gets the access id security.xml binds to the role (group:linktrack-credentials/...).
   */
  private static AuthenticationStatus signIn(HttpMessageContext context, Caller caller) {
    return context.notifyContainerAboutLogin(
        new CredentialValidationResult(
            Role.REALM,
            new CallerPrincipal(caller.name()),
            null,
            caller.name(),
            Set.of(caller.role().credentialGroup())));
  }

  /**
   * Checks the password against Liberty's user registry, the way Liberty's own Basic mechanism does
   * when the application defines no identity store: the injected IdentityStoreHandler would only
   * answer NOT_VALIDATED here. On success Liberty puts the registry's groups on the caller.
   */
  private static boolean inRegistry(HttpMessageContext context, String user, String password)
      throws AuthenticationException {
    if (context.getHandler() == null) {
      return false;
    }
    PasswordValidationCallback check =
        new PasswordValidationCallback(context.getClientSubject(), user, password.toCharArray());
    try {
      context.getHandler().handle(new Callback[] {check});
    } catch (Exception e) {
      LOG.log(Level.WARNING, "The user registry could not check a password", e);
      return false;
    }
    return check.getResult();
  }

  private static String[] basic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWith(String header, String scheme) {
    return header.regionMatches(true, 0, scheme, 0, scheme.length());
  }

  /** 401 with a problem body written here: the container's own 401 page is HTML. */
  private static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(Problem.of(UNAUTHORIZED, Response.Status.UNAUTHORIZED).detail(detail).toJson());
    } catch (IOException e) {
      LOG.log(Level.FINE, "The client went away before its 401", e);
    }
    // SEND_CONTINUE: the container sends this answer as it is (status, body); SEND_FAILURE would
    // have it set the status again after the body, and log a warning for every refused request
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
