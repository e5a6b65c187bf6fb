/**
 * Clicks: the click path, as the stages docs/architecture.md names. The request stage ({@code
 * ClickRecorder}) decides what a short link answers, once per request, and tells people from
 * previews and scanners; the journal ({@code ClickJournal}) keeps every hit on disk before its 302;
 * the writer ({@code ClickWriter}) stores hits with group-committed appends, exactly once; the
 * folder ({@code ClickFolder}) counts them, the one place where a click is counted, on the link and
 * campaign counters their owners publish. The click feed hands rules people's clicks in the order
 * they were counted.
 *
 * <p>Click rows are personal data (time, user agent, referrer, anonymised address) and are kept for
 * {@code linktrack.clicks.retentionDays} only ({@code ClickRetention}); counters on links, messages
 * and campaigns are not personal data and stay. See docs/privacy.md.
 */
package io.linktrack.clicks;
