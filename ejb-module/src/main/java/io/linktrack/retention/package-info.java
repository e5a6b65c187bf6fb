/**
 * Retention: click rows are personal data (time, user agent, referrer, anonymised address) and are
 * kept for {@code linktrack.clicks.retentionDays} only. Counters on links, messages and campaigns
 * are not personal data and stay. See docs/privacy.md.
 */
package io.linktrack.retention;
