package io.linktrack.links.entity;

/** A custom link was retired: caches of its code must let go of it. */
public record LinkRetired(String code) {}
