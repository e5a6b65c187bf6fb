package io.linktrack;

import io.linktrack.access.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API: the web module at context root /api, every call authenticated ({@code
 * ApiAuthentication}) and needing one of the three roles (docs/api.md). Short links are not here:
 * they sit directly under the root, in the other web module ({@code RedirectApplication}), so that
 * a short URL is just the short domain and a code and a click never meets the API's security.
 */
@ApplicationPath("/")
@DeclareRoles({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class LinktrackApplication extends Application {}
