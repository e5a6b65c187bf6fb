package io.linktrack.access.boundary;

import io.linktrack.access.entity.Role;

/** Who a verified credential belongs to, and the role it carries. */
public record Caller(String name, Role role) {}
