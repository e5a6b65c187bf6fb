/**
 * Workflow rules: "alert the owner when a message is clicked more than 3 times". A persistent timer
 * evaluates the enabled rules for the subjects of new clicks (read from the click feed after a
 * stored position), fires each rule at most once per subject (a unique key in the database), and
 * carries out each alert's actions on their own: signed webhooks and mails retried with backoff,
 * contact tags and CRM tasks.
 *
 * <p>What a rule counts is decided in {@code RuleMetrics}, with one {@code ScopeMetric} per scope
 * (message, link, contact, campaign). The counts themselves come from the tables' owners: link
 * counters from {@code links.boundary.LinkTotals}, clicks in a window from {@code
 * clicks.boundary.ClickCounts}, a message's campaign and contact from {@code
 * messages.boundary.MessageDirectory}. This package's SQL names only its own tables.
 */
package io.linktrack.rules;
