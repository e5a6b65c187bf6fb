package io.linktrack.exports.control;

import io.linktrack.platform.StreamingRead;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV export written into a response as its rows arrive: RFC 4180 (Apache Commons CSV, quoting
 * by a maintained library rather than by hand), a header row first, UTF-8. Rows are gathered into
 * chunks so that what other features add to them (a campaign's name, a message's links) is read
 * once per chunk, not once per row: memory holds one chunk, however many rows the export has.
 */
public abstract class CsvExport<T> implements StreamingRead.Sink<T> {

  public static final int CHUNK = 500;

  private final CSVPrinter csv;
  private final int chunkSize;
  private final List<T> chunk = new ArrayList<>();

  protected CsvExport(OutputStream out, String[] header, int chunkSize) throws IOException {
    this.csv =
        new CSVPrinter(
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
            CSVFormat.RFC4180.builder().setHeader(header).get());
    this.chunkSize = chunkSize;
  }

  @Override
  public final void accept(T row) throws IOException {
    chunk.add(row);
    if (chunk.size() >= chunkSize) {
      writeChunk();
    }
  }

  /** Writes what is left and flushes; the response stream stays open, it is the container's. */
  public final void finish() throws IOException {
    writeChunk();
    csv.flush();
  }

  private void writeChunk() throws IOException {
    if (!chunk.isEmpty()) {
      write(List.copyOf(chunk));
      chunk.clear();
    }
  }

  /** Writes the lines of a chunk of rows, in their order. */
  protected abstract void write(List<T> rows) throws IOException;

  protected final void line(Object... values) throws IOException {
    csv.printRecord(values);
  }
}
