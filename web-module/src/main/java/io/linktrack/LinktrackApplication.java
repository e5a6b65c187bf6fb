package io.linktrack;

import io.linktrack.access.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API lives under /api; short links sit directly under the root, so that a short URL is just
 * the short domain and a code. Every /api call needs one of the three roles (docs/api.md).
 */
@ApplicationPath("/")
@DeclareRoles({Role.ADMIN_NAME, Role.SENDER_NAME, Role.VIEWER_NAME})
public class LinktrackApplication extends Application {}
