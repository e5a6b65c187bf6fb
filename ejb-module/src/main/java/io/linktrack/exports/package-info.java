/**
 * Exports: links and messages with their click counters as CSV, streamed row by row, so an export
 * of millions of rows needs no more memory than one of ten. Exports owns no table: links and
 * messages stream their rows through their query objects, campaigns and links answer for each chunk
 * of rows; {@code Exports} runs outside a container transaction, {@code LinksCsv} and {@code
 * MessagesCsv} write the two files, {@code CsvExport} the CSV and {@code SafeCells} defuses
 * spreadsheet formulas.
 */
package io.linktrack.exports;
