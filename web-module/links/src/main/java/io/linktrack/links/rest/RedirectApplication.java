package io.linktrack.links.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of the short-link web module (web-module/links), at the root of the short
 * domain: {@link RedirectResource} behind {@link ShortLinkFilter}, and the problem mappers. It has
 * no authentication mechanism and no API resource; the API is the other web module, under /api.
 */
@ApplicationPath("/")
public class RedirectApplication extends Application {}
