/**
 * Clicks: resolving a short code, recording each click exactly once with group-committed batch
 * writes, and keeping the link and message counters in step.
 */
package io.linktrack.clicks;
