package io.linktrack;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API lives under /api; short links sit directly under the root, so that a short URL is just
 * the short domain and a code.
 */
@ApplicationPath("/")
public class LinktrackApplication extends Application {}
