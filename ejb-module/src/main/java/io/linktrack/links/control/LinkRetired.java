package io.linktrack.links.control;

/** A custom link was retired: caches of its code must let go of it. */
public record LinkRetired(String code) {}
