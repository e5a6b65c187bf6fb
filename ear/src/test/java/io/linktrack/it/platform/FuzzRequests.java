package io.linktrack.it.platform;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of requests for {@link FuzzIT}: every endpoint of the API and the short-link redirect,
 * each with bodies, path segments, query parameters, headers and content types that are sometimes
 * right and often wrong in the ways clients and attackers get them wrong.
 *
 * <p>Bodies start from a record the endpoint accepts and are then broken: a field of the wrong
 * type, missing or doubled, unknown fields, huge numbers, hostile or odd text, deep nesting,
 * truncation, stray characters, invalid UTF-8, another JSON value than an object, or nothing. A
 * good share stays valid, so that validation is passed and records are created (the invariants
 * check them afterwards).
 *
 * <p>Ids in paths are taken from the records the run has created so far (resolved when the request
 * is sent) or are made up.
 */
final class FuzzRequests {

  private FuzzRequests() {}

  /** A kind of record whose ids the run collects, to put them in paths and bodies. */
  enum Kind {
    MESSAGE,
    BATCH,
    CAMPAIGN,
    LINK,
    RULE,
    CONTACT,
    TASK,
    BOT_AGENT,
    API_KEY,
    CODE
  }

  /** Part of a path, resolved when the request is sent (ids known by then). */
  interface Part extends Function<Known, String> {}

  /** One generated request, still to be resolved against the records known when it is sent. */
  record FuzzRequest(
      String endpoint,
      String method,
      List<Part> path,
      String query,
      String contentType,
      String accept,
      byte[] body,
      Map<String, String> headers) {

    String path(Known known) {
      StringBuilder out = new StringBuilder();
      for (Part part : path) {
        out.append(part.apply(known));
      }
      return out.toString();
    }

    boolean redirect() {
      return endpoint.endsWith("/{code}") && !endpoint.contains("/api/");
    }
  }

  /** The ids a run has seen, by kind. */
  static final class Known {
    private final Map<Kind, List<String>> ids = new LinkedHashMap<>();

    synchronized void add(Kind kind, String id) {
      ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    synchronized void remove(Kind kind, String id) {
      ids.getOrDefault(kind, List.of()).remove(id);
    }

    synchronized List<String> all(Kind kind) {
      return List.copyOf(ids.getOrDefault(kind, List.of()));
    }

    /** The id at {@code index} (modulo), or a made-up one when none is known yet. */
    synchronized String pick(Kind kind, int index) {
      List<String> list = ids.getOrDefault(kind, List.of());
      return list.isEmpty() ? "987654321" : list.get(Math.floorMod(index, list.size()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Text and JSON values

  /** Text that broke or nearly broke some system somewhere. */
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "\t\n\r",
          "\u0000",
          "a\u0000b",
          "\u202Eevil\u202C",
          "\u200B\u200B",
          "שלום עולם",
          "مرحبا",
          "😀🔥👍🏽",
          "\uD83D\uDE00".repeat(100),
          "e\u0301\u0301\u0301",
          "\uFEFF",
          "\uFFFF",
          "\uD800",
          "\uDFFF",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "' OR '1'='1",
          "'; DROP TABLE message; --",
          "1; DELETE FROM campaign",
          "%' OR 1=1 --",
          "\\",
          "\\u0000",
          "%00",
          "%s%s%s%n",
          "${jndi:ldap://127.0.0.1/x}",
          "#{7*7}",
          "{{name}}",
          "{{ }}",
          "{{a.b-c_1}}{{",
          "../../../etc/passwd",
          "\r\nX-Injected: 1",
          "null",
          "NaN",
          "true",
          "=HYPERLINK(\"http://x\")",
          "+15550123",
          "a@example.com",
          "https://example.com/x?y=1",
          "x".repeat(201),
          "y".repeat(256),
          "z".repeat(321),
          "é".repeat(999),
          "w".repeat(4097),
          "v".repeat(20_000));

  /** JSON number tokens, some of which no Java number holds (and NaN, which is not JSON). */
  static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "-0.0",
          "0e0",
          "1",
          "-1",
          "42",
          "1.5",
          "1E2",
          "1e-999",
          "1e999",
          "-1e999",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "18446744073709551616",
          "1" + "0".repeat(400),
          "527040",
          "527041",
          "NaN",
          "Infinity",
          "-Infinity",
          "0x10",
          "00012",
          "+1",
          ".5");

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            // escaped, so a lone surrogate reaches the server as \\uD800, not as '?'
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(NASTY)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars(" -_.").ofMaxLength(30)));
  }

  static Arbitrary<String> number() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(NUMBERS)),
        Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
        Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
  }

  /** Deeply nested arrays or objects, as a JSON value. */
  static Arbitrary<String> deep() {
    Arbitrary<Integer> depth =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(2, 100)),
            Tuple.of(2, Arbitraries.integers().between(900, 1100)),
            Tuple.of(1, Arbitraries.integers().between(5_000, 60_000)));
    return Combinators.combine(depth, Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(
            (d, arrays, closed) -> {
              String open = arrays ? "[" : "{\"a\":";
              String close = arrays ? "]" : "}";
              return open.repeat(d) + "1" + (closed ? close.repeat(d) : "");
            });
  }

  /** Any JSON value (or a token that is not JSON at all). */
  static Arbitrary<String> anyJson() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of("null", "true", "false", "{}", "[]", "[null]", "{\"\":\"\"}")),
        Tuple.of(3, number()),
        Tuple.of(3, anyText().map(FuzzRequests::quote)),
        Tuple.of(1, Arbitraries.of("\"\\uD800\"", "\"\\u0000\"", "'single'", "undefined", "")),
        Tuple.of(1, anyText().list().ofMaxSize(3).map(l -> "[" + join(quoted(l)) + "]")),
        Tuple.of(1, deep()));
  }

  private static List<String> quoted(List<String> texts) {
    return texts.stream().map(FuzzRequests::quote).toList();
  }

  private static String join(List<String> parts) {
    return String.join(",", parts);
  }

  // ---------------------------------------------------------------------------------------------
  // JSON objects: a record the endpoint accepts, then broken

  /** A field of a record: its name, a good value (as JSON text) and whether it is required. */
  record Field(String name, Arbitrary<String> good, boolean required) {}

  static Field required(String name, Arbitrary<String> good) {
    return new Field(name, good, true);
  }

  static Field optional(String name, Arbitrary<String> good) {
    return new Field(name, good, false);
  }

  /** How a record is broken. */
  enum Breakage {
    NONE,
    WRONG_TYPE,
    ODD_TEXT,
    ODD_NUMBER,
    NULL,
    MISSING,
    UNKNOWN_FIELD,
    DUPLICATE,
    DEEP
  }

  /**
   * An object of the fields, each required one present (almost always) and each optional one
   * sometimes, then broken in at most two ways.
   */
  static Arbitrary<String> object(double wholeness, Field... fields) {
    List<Arbitrary<Optional<String>>> values = new ArrayList<>();
    for (Field field : fields) {
      int present = field.required() ? 97 : 50;
      values.add(
          Arbitraries.frequencyOf(
              Tuple.of(present, field.good().map(Optional::of)),
              Tuple.of(100 - present, Arbitraries.just(Optional.<String>empty()))));
    }
    Arbitrary<List<Optional<String>>> chosen = Combinators.combine(values).as(List::copyOf);
    int none = (int) Math.round(wholeness * 100);
    Arbitrary<Breakage> breakage =
        Arbitraries.frequencyOf(
            Tuple.of(none, Arbitraries.just(Breakage.NONE)),
            Tuple.of(100 - none, Arbitraries.of(Breakage.class)));
    Arbitrary<List<Tuple.Tuple3<Breakage, Integer, String>>> breakages =
        Combinators.combine(breakage, Arbitraries.integers().between(0, 1 << 20), replacement())
            .as(Tuple::of)
            .list()
            .ofMinSize(1)
            .ofMaxSize(2);
    return Combinators.combine(chosen, breakages)
        .as(
            (present, breaks) -> {
              LinkedHashMap<String, String> object = new LinkedHashMap<>();
              List<String> extra = new ArrayList<>();
              for (int k = 0; k < fields.length; k++) {
                if (present.get(k).isPresent()) {
                  object.put(fields[k].name(), present.get(k).get());
                }
              }
              for (Tuple.Tuple3<Breakage, Integer, String> b : breaks) {
                breakObject(object, extra, fields, b.get1(), b.get2(), b.get3());
              }
              List<String> members = new ArrayList<>();
              object.forEach((name, value) -> members.add(quote(name) + ":" + value));
              members.addAll(extra);
              return "{" + join(members) + "}";
            });
  }

  /** What a broken field gets instead: a value of any kind. */
  private static Arbitrary<String> replacement() {
    return anyJson();
  }

  private static void breakObject(
      LinkedHashMap<String, String> object,
      List<String> extra,
      Field[] fields,
      Breakage breakage,
      int index,
      String replacement) {
    String name = fields.length == 0 ? "x" : fields[index % fields.length].name();
    switch (breakage) {
      case NONE -> {}
      case WRONG_TYPE, DEEP -> object.put(name, replacement);
      case ODD_TEXT -> object.put(name, quote(NASTY.get(index % NASTY.size())));
      case ODD_NUMBER -> object.put(name, NUMBERS.get(index % NUMBERS.size()));
      case NULL -> object.put(name, "null");
      case MISSING -> object.remove(name);
      case UNKNOWN_FIELD -> extra.add(quote("unknown" + index % 7) + ":" + replacement);
      case DUPLICATE -> extra.add(quote(name) + ":" + replacement);
    }
  }

  /** A JSON array of 0 to {@code max} elements. */
  static Arbitrary<String> array(Arbitrary<String> element, int max) {
    return element.list().ofMaxSize(max).map(l -> "[" + join(l) + "]");
  }

  // ---------------------------------------------------------------------------------------------
  // Whole bodies: the record as text, then as bytes, possibly broken below the JSON level

  /** How the bytes of a body are broken. */
  enum Damage {
    NONE,
    TRUNCATED,
    STRAY_CHARACTER,
    INVALID_UTF8,
    NOT_AN_OBJECT,
    EMPTY,
    DEEP,
    TRAILING_GARBAGE
  }

  static Arbitrary<byte[]> body(Arbitrary<String> record) {
    Arbitrary<Damage> damage =
        Arbitraries.frequencyOf(
            Tuple.of(80, Arbitraries.just(Damage.NONE)),
            Tuple.of(20, Arbitraries.of(Damage.class)));
    return Combinators.combine(
            record, damage, Arbitraries.integers().between(0, 1 << 20), anyJson(), deep())
        .as(FuzzRequests::damage);
  }

  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xC3},
    {(byte) 0xFF},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0x80, (byte) 0x80},
    {(byte) 0xFE, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF}
  };

  private static byte[] damage(String json, Damage damage, int index, String value, String deep) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int at = bytes.length == 0 ? 0 : index % bytes.length;
    return switch (damage) {
      case NONE -> bytes;
      case TRUNCATED -> Arrays.copyOf(bytes, at);
      case STRAY_CHARACTER ->
          splice(
              bytes,
              at,
              "{}[],:\"\\'x\u0000".substring(index % 11).getBytes(StandardCharsets.UTF_8));
      case INVALID_UTF8 -> splice(bytes, at, INVALID_UTF8[index % INVALID_UTF8.length]);
      case NOT_AN_OBJECT -> value.getBytes(StandardCharsets.UTF_8);
      case EMPTY -> (index % 2 == 0 ? "" : " \n\t").getBytes(StandardCharsets.UTF_8);
      case DEEP -> deep.getBytes(StandardCharsets.UTF_8);
      case TRAILING_GARBAGE ->
          splice(bytes, bytes.length, (" " + value).getBytes(StandardCharsets.UTF_8));
    };
  }

  private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
    out.write(bytes, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------
  // Paths and query strings

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Part literal(String text) {
    return known -> text;
  }

  /** Path segments that name no record, or name one oddly. */
  static final List<String> ODD_SEGMENTS =
      List.of(
          "0",
          "-1",
          "-0",
          // numbers a lenient parser might read as an id: none may name another test's record
          "+987654321",
          "987654321.0",
          "1e3",
          "0x1",
          "00000000000987654321",
          "2147483648",
          "9223372036854775807",
          "9223372036854775808",
          "99999999999999999999999999",
          "abc",
          "null",
          "undefined",
          "%20",
          "%00",
          "%2e%2e",
          "%2e",
          "%25",
          "%C3%A9",
          "%F0%9F%98%80",
          "%E2%80%AE",
          "%C0%AF",
          "%FF",
          "%ED%A0%80",
          "a;b",
          "a%3Bb",
          "%3Cscript%3E",
          "'%20OR%20'1'='1",
          "1'--",
          "~",
          "*",
          "1".repeat(2000));

  /** An id of the kind from the records created so far, or an odd segment. */
  static Arbitrary<Part> id(Kind kind) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            6,
            Arbitraries.integers()
                .between(0, 1000)
                .map(i -> (Part) known -> encode(known.pick(kind, i)))),
        Tuple.of(3, Arbitraries.of(ODD_SEGMENTS).map(FuzzRequests::literal)),
        Tuple.of(1, anyText().filter(t -> !t.isEmpty()).map(t -> literal(encode(t)))));
  }

  /** Values for query parameters: some right, many wrong. */
  static Arbitrary<String> paramValue(String name) {
    Arbitrary<String> good =
        switch (name) {
          case "page" -> Arbitraries.integers().between(0, 3).map(String::valueOf);
          case "size" -> Arbitraries.of("1", "10", "50", "500");
          case "from", "to" ->
              Arbitraries.of(
                  "2026-11-23",
                  "1990-01-01",
                  "2099-12-31",
                  "2026-11-23T10:15:30Z",
                  "2026-11-23T10:15:30.123456789Z");
          case "clicked" -> Arbitraries.of("true", "false", "TRUE");
          case "status" -> Arbitraries.of("QUEUED", "READY", "SENT", "FAILED", "sent");
          case "type" -> Arbitraries.of("CUSTOM", "MESSAGE", "custom");
          case "assignee" -> Arbitraries.of("fuzz", "005Dn000001");
          default -> Arbitraries.integers().between(0, 1000).map(String::valueOf);
        };
    Arbitrary<String> bad =
        Arbitraries.of(
            "-1",
            "0",
            "501",
            "1000000000",
            "2147483647",
            "2147483648",
            "4294967",
            "9223372036854775808",
            "1e3",
            "1.5",
            " 7 ",
            "0x10",
            "abc",
            "",
            "maybe",
            "LOST",
            "yesterday",
            "2026-13-45",
            "2026-02-30",
            "0000-00-00",
            "2026-11-23T25:00:00Z",
            "2026-11-23T10:15:30",
            "2026-11-23T10:15:30+02:00",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "9999-12-31",
            "0001-01-01",
            "-0001-01-01",
            "1970-01-01T00:00:00Z",
            "'; DROP TABLE link; --",
            "<b>x</b>",
            "\u0000",
            "😀",
            "\u202E");
    return Arbitraries.frequencyOf(Tuple.of(5, good), Tuple.of(4, bad), Tuple.of(1, anyText()));
  }

  /** A query string of the endpoint's parameters (and others), right and wrong. */
  static Arbitrary<String> query(String... names) {
    List<String> all = new ArrayList<>(List.of(names));
    all.add("unknown");
    Arbitrary<String> pair =
        Arbitraries.of(all).flatMap(n -> paramValue(n).map(v -> encode(n) + "=" + encode(v)));
    Arbitrary<String> raw =
        Arbitraries.of("", "&", "&&&", "=", "page", "page=", "=1", "size=1&size=2", "%25", "a=b=c");
    return Arbitraries.frequencyOf(
        Tuple.of(8, pair.list().ofMaxSize(names.length + 1).map(l -> String.join("&", l))),
        Tuple.of(1, raw));
  }

  // ---------------------------------------------------------------------------------------------
  // Media types and headers

  static final String JSON = "application/json";

  static Arbitrary<String> contentType() {
    return Arbitraries.frequencyOf(
        Tuple.of(85, Arbitraries.just(JSON)),
        Tuple.of(
            15,
            Arbitraries.of(
                "application/json; charset=UTF-8",
                "application/json; charset=utf-16",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=nonsense",
                "application/json; charset=\"\"",
                "application/json; foo=bar",
                "application/problem+json",
                "application/merge-patch+json",
                "text/plain",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/*")));
  }

  static Arbitrary<String> accept() {
    return Arbitraries.frequencyOf(
        Tuple.of(80, Arbitraries.just("")),
        Tuple.of(
            20,
            Arbitraries.of(
                "application/json",
                "*/*",
                "application/problem+json",
                "text/html",
                "text/csv",
                "application/xml",
                "application/json;q=0",
                "image/png")));
  }

  /** A wrong method for the endpoint now and then, answered 405 (or 404/415). */
  static Arbitrary<String> method(String right) {
    return Arbitraries.frequencyOf(
        Tuple.of(95, Arbitraries.just(right)),
        Tuple.of(5, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")));
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  static Arbitrary<List<Part>> path(Object... parts) {
    List<Arbitrary<Part>> arbitraries = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String text) {
        arbitraries.add(Arbitraries.just(literal(text)));
      } else {
        @SuppressWarnings("unchecked")
        Arbitrary<Part> arbitrary = (Arbitrary<Part>) part;
        arbitraries.add(arbitrary);
      }
    }
    return Combinators.combine(arbitraries).as(List::copyOf);
  }

  static Arbitrary<FuzzRequest> get(
      String endpoint, Arbitrary<List<Part>> path, Arbitrary<String> query) {
    return Combinators.combine(method("GET"), path, query, accept())
        .as((m, p, q, a) -> new FuzzRequest(endpoint, m, p, q, null, a, null, Map.of()));
  }

  static Arbitrary<FuzzRequest> delete(String endpoint, Arbitrary<List<Part>> path) {
    return Combinators.combine(method("DELETE"), path, accept())
        .as((m, p, a) -> new FuzzRequest(endpoint, m, p, "", null, a, null, Map.of()));
  }

  static Arbitrary<FuzzRequest> send(
      String method, String endpoint, Arbitrary<List<Part>> path, Arbitrary<String> record) {
    return Combinators.combine(method(method), path, contentType(), accept(), body(record))
        .as((m, p, c, a, b) -> new FuzzRequest(endpoint, m, p, "", c, a, b, Map.of()));
  }
}
