/**
 * Workflow rules: "alert the owner when a message is clicked more than 3 times". A persistent timer
 * evaluates the enabled rules for the subjects of new clicks (read from the click feed after a
 * stored position), fires each rule at most once per subject (a unique key in the database), and
 * carries out each alert's actions on their own: signed webhooks and mails retried with backoff,
 * contact tags and CRM tasks.
 */
package io.linktrack.rules;
