/**
 * What every feature shares, and nothing of any one feature: the exceptions the API maps to problem
 * responses ({@code InvalidInput}, {@code NotFound}, {@code Conflict}), schema migration, the
 * skeleton of interval timers ({@code IntervalTimer}), padded {@code IN} lists ({@code InList}),
 * the streaming read of the exports ({@code StreamingRead}), pages and text and instant checks. It
 * owns no table of Linktrack's (docs/architecture.md, "Features and their tables").
 */
package io.linktrack.platform;
