package io.linktrack.clicks.control;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.entity.LinkTarget;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The click journal: every hit is appended to a local file before its redirect is answered, and the
 * click writer takes it from here to the database in batches. A write to a file is in the operating
 * system's page cache when it returns, so a click that got its 302 survives the server process
 * being killed at any moment after; it costs a system call, not a database commit per click, and no
 * request waits for another's.
 *
 * <p>Positions are byte offsets in one endless log, cut into segment files named by the position
 * they start at. Only one record is appended at a time, so a record cut short by a crash can only
 * be the last one: on opening, the tail is checked (length and CRC of each record) and cut back to
 * the last whole record. Segments are deleted once every click in them is in the database.
 *
 * <p>A record: payload length and CRC-32C (two ints), then link id, message id ({@code
 * Long.MIN_VALUE} for none), the message's link count, the instant (seconds, nanos), the bot reason
 * by name, user agent, referrer and anonymised address (each a length in bytes, -1 for none, then
 * UTF-8).
 *
 * <p>Appending is thread-safe; reading and releasing are for the one writer thread.
 */
public final class ClickJournal implements AutoCloseable {

  /** Size after which a new segment is started. */
  public static final long SEGMENT_SIZE = 64L << 20;

  private static final String ID_FILE = "journal.id";
  private static final String CLAIMED_FILE = "claimed";
  private static final String SUFFIX = ".clicks";
  private static final int HEADER = 8;
  // generous: user agent 512 and referrer 1,024 characters, up to 3 bytes each in UTF-8
  private static final int MAX_PAYLOAD = 16 << 10;
  private static final long NO_MESSAGE = Long.MIN_VALUE;

  private final Path dir;
  private final String id;
  private final long segmentSize;
  private final ByteBuffer record = ByteBuffer.allocate(HEADER + MAX_PAYLOAD); // under this
  private final CRC32C crc = new CRC32C(); // under this
  private FileChannel appending; // under this
  private long appendingStart; // under this
  private volatile long end; // after the last whole record: readers never pass it

  private final TreeMap<Long, Path> segments = new TreeMap<>(); // reader's view
  private final ByteBuffer in = ByteBuffer.allocate(1 << 20);
  private FileChannel reading;
  private long readingStart = -1;
  private long released = -1; // the segment the last release kept

  private ClickJournal(Path dir, String id, long segmentSize) {
    this.dir = dir;
    this.id = id;
    this.segmentSize = segmentSize;
  }

  /** Opens the journal in {@code dir}, creating it when there is none, and recovers its tail. */
  public static ClickJournal open(Path dir) throws IOException {
    return open(dir, SEGMENT_SIZE);
  }

  static ClickJournal open(Path dir, long segmentSize) throws IOException {
    Files.createDirectories(dir);
    Path idFile = dir.resolve(ID_FILE);
    if (!Files.exists(idFile)) {
      Path written = dir.resolve(ID_FILE + ".new");
      Files.writeString(written, UUID.randomUUID().toString());
      Files.move(written, idFile, StandardCopyOption.ATOMIC_MOVE);
    }
    ClickJournal journal = new ClickJournal(dir, Files.readString(idFile).strip(), segmentSize);
    journal.recover();
    return journal;
  }

  /**
   * Whether a database has taken this journal on (see {@code ClickWriter#resumePosition}): a
   * journal that never was holds only clicks of its first start, for the database it meets first.
   */
  public boolean claimed() {
    return Files.exists(dir.resolve(CLAIMED_FILE));
  }

  public void markClaimed() throws IOException {
    if (!claimed()) {
      Files.writeString(dir.resolve(CLAIMED_FILE), id);
    }
  }

  public String id() {
    return id;
  }

  /** The position after the last whole record appended. */
  public long end() {
    return end;
  }

  /** Appends one hit; once this returns, the hit survives the death of the server process. */
  public synchronized void append(PendingClick click) throws IOException {
    record.clear();
    record.position(HEADER);
    encode(click, record);
    int payload = record.position() - HEADER;
    crc.reset();
    crc.update(record.array(), HEADER, payload);
    record.putInt(0, payload).putInt(4, (int) crc.getValue()).flip();
    if (end > appendingStart && end - appendingStart + record.limit() > segmentSize) {
      appending.close();
      appendingStart = end;
      appending = openSegment(appendingStart);
    }
    while (record.hasRemaining()) {
      appending.write(record);
    }
    end += record.limit();
  }

  /** The hits from {@code from} (a record boundary) on, at most {@code max} of them. */
  public Chunk read(long from, int max) throws IOException {
    List<PendingClick> clicks = new ArrayList<>();
    long position = from;
    long limit = end;
    while (clicks.size() < max && position < limit) {
      FileChannel channel = segmentAt(position);
      long offset = position - readingStart;
      in.clear();
      in.limit((int) Math.min(in.capacity(), limit - position));
      while (in.hasRemaining() && channel.read(in, offset + in.position()) > 0) {
        // a segment ends where the next begins: read it on the next turn
      }
      in.flip();
      int before = clicks.size();
      while (clicks.size() < max && in.remaining() >= HEADER) {
        int length = in.getInt(in.position());
        if (in.remaining() < HEADER + length) {
          break;
        }
        in.position(in.position() + HEADER);
        clicks.add(decode(in.slice(in.position(), length)));
        in.position(in.position() + length);
        position += HEADER + length;
      }
      if (clicks.size() == before) {
        throw new IOException("Click journal " + dir + " is unreadable at position " + position);
      }
    }
    return new Chunk(clicks, position);
  }

  /**
   * Deletes the segments whose every record lies before {@code position}. Cheap while the reader
   * stays in one segment: the folder is only listed once it has moved on.
   */
  public void release(long position) throws IOException {
    if (readingStart >= 0 && readingStart <= released) {
      return;
    }
    refreshSegments();
    Long keep = segments.floorKey(position);
    released = keep == null ? -1 : keep;
    for (Long start : List.copyOf(segments.headMap(keep == null ? 0L : keep).keySet())) {
      if (reading != null && start == readingStart) {
        reading.close();
        reading = null;
        readingStart = -1;
      }
      Files.deleteIfExists(segments.remove(start));
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (appending != null) {
      appending.close();
      appending = null;
    }
    if (reading != null) {
      reading.close();
      reading = null;
    }
  }

  /** What {@link #read} found: the hits, and the position after the last of them. */
  public record Chunk(List<PendingClick> clicks, long end) {}

  private void recover() throws IOException {
    refreshSegments();
    if (segments.isEmpty()) {
      appendingStart = 0;
      end = 0;
      appending = openSegment(0);
      return;
    }
    appendingStart = segments.lastKey();
    Path last = segments.lastEntry().getValue();
    long whole = wholeRecords(last);
    appending = openSegment(appendingStart);
    if (appending.size() > whole) {
      appending.truncate(whole); // the record being written when the server died: no 302 went out
    }
    appending.position(whole);
    end = appendingStart + whole;
  }

  /** The length of the run of whole, intact records at the start of a segment. */
  private static long wholeRecords(Path segment) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      ByteBuffer payload = ByteBuffer.allocate(MAX_PAYLOAD);
      CRC32C check = new CRC32C();
      long position = 0;
      while (true) {
        header.clear();
        if (readFully(channel, header, position) < HEADER) {
          return position;
        }
        int length = header.getInt(0);
        if (length <= 0 || length > MAX_PAYLOAD) {
          return position;
        }
        payload.clear().limit(length);
        if (readFully(channel, payload, position + HEADER) < length) {
          return position;
        }
        check.reset();
        check.update(payload.array(), 0, length);
        if ((int) check.getValue() != header.getInt(4)) {
          return position;
        }
        position += HEADER + length;
      }
    }
  }

  private static int readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.position();
  }

  private FileChannel segmentAt(long position) throws IOException {
    if (reading != null && position >= readingStart && position < readingStart + reading.size()) {
      return reading;
    }
    refreshSegments();
    Long start = segments.floorKey(position);
    if (start == null) {
      throw new IOException("Click journal " + dir + " has no segment for position " + position);
    }
    if (reading != null) {
      reading.close();
    }
    reading = FileChannel.open(segments.get(start), StandardOpenOption.READ);
    readingStart = start;
    return reading;
  }

  private void refreshSegments() throws IOException {
    segments.clear();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(file -> file.getFileName().toString().endsWith(SUFFIX))
          .forEach(file -> segments.put(startOf(file), file));
    }
  }

  private FileChannel openSegment(long start) throws IOException {
    return FileChannel.open(
        dir.resolve(String.format("%020d%s", start, SUFFIX)),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  private static long startOf(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  private static void encode(PendingClick click, ByteBuffer out) {
    LinkTarget target = click.target();
    out.putLong(target.linkId());
    out.putLong(target.messageId() == null ? NO_MESSAGE : target.messageId());
    out.putInt(target.messageLinks());
    out.putLong(click.at().getEpochSecond());
    out.putInt(click.at().getNano());
    putText(out, click.human() ? null : click.bot().name());
    putText(out, click.userAgent());
    putText(out, click.referrer());
    putText(out, click.clientAddress());
  }

  private static PendingClick decode(ByteBuffer in) {
    long link = in.getLong();
    long message = in.getLong();
    int messageLinks = in.getInt();
    Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
    String bot = text(in);
    // as far as counting goes, a click's link is its ids and its message's link count
    LinkTarget target =
        new LinkTarget(
            link, message == NO_MESSAGE ? null : message, null, messageLinks, null, false);
    return PendingClick.of(
        target, at, text(in), text(in), text(in), bot == null ? null : BotReason.valueOf(bot));
  }

  private static void putText(ByteBuffer out, String text) {
    if (text == null) {
      out.putInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.putInt(bytes.length).put(bytes);
  }

  private static String text(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    String text =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }
}
