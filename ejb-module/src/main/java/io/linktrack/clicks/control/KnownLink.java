package io.linktrack.clicks.control;

import io.linktrack.links.entity.LinkTarget;
import java.time.Instant;

/**
 * A link as the click path keeps it: the link, and when its message was handed to its channel (null
 * for a link without a message, or one not sent yet), which tells scanners from people.
 */
public record KnownLink(LinkTarget target, Instant sentAt) {}
