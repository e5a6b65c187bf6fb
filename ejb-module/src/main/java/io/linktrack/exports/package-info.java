/**
 * Exports: links and messages with their click counters as CSV, streamed row by row from a
 * forward-only cursor, so an export of millions of rows needs no more memory than one of ten.
 */
package io.linktrack.exports;
