package io.linktrack.access.entity;

/** Who a verified credential belongs to, and the role it carries. */
public record Caller(String name, Role role) {}
