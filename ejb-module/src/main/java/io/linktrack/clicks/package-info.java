/**
 * Clicks: resolving a short code, telling people from previews and scanners, storing every hit
 * exactly once with group-committed appends, and folding people's clicks and bot hits into the link
 * and campaign counters in the background. The click feed hands rules people's clicks in the order
 * they were counted.
 */
package io.linktrack.clicks;
