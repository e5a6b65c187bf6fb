package io.linktrack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feature order and table owners, as docs/architecture.md writes them ("Features and their
 * tables"). The architecture rules read the table from the docs so that the two cannot drift apart.
 */
final class FeatureTable {

  /** The docs, seen from the ejb-module's directory (surefire's basedir). */
  static final Path DOCS =
      Path.of(System.getProperty("basedir", ".")).resolve(Path.of("..", "docs", "architecture.md"));

  static final String HEADING = "## Features and their tables";

  private static final Pattern FEATURE_NAME = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern TABLE = Pattern.compile("LT_[A-Z0-9_]+\\*?");
  private static final Pattern NOTHING = Pattern.compile("[-–—]?|none");

  /** One row: a feature package under io.linktrack, the tables it owns, the features it may use. */
  record Feature(int position, String name, List<String> tables, Set<String> mayUse) {}

  /** A table name as the docs write it, and the feature that owns it. */
  record Table(String name, String owner) {

    boolean isPrefix() {
      return name.endsWith("*");
    }

    /** How many characters of a name this table claims; -1 if the name is not this table's. */
    int claimOf(String sqlName) {
      if (isPrefix()) {
        String prefix = name.substring(0, name.length() - 1);
        return sqlName.startsWith(prefix) ? prefix.length() : -1;
      }
      return sqlName.equals(name) || sqlName.startsWith(name + "_") ? name.length() : -1;
    }
  }

  private final Map<String, Feature> features;
  private final List<Table> tables;

  private FeatureTable(Map<String, Feature> features, List<Table> tables) {
    this.features = features;
    this.tables = tables;
  }

  static FeatureTable read(Path docs) {
    try {
      return parse(Files.readString(docs), docs.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read "
              + docs.toAbsolutePath().normalize()
              + ": the architecture rules take the feature order and table owners from its"
              + " section '"
              + HEADING
              + "'",
          e);
    }
  }

  static FeatureTable parse(String markdown, String source) {
    List<String> lines = markdown.lines().toList();
    int heading = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(HEADING)) {
        heading = i;
        break;
      }
    }
    if (heading < 0) {
      throw malformed(source, "has no section '" + HEADING + "'");
    }
    List<String> tableLines = new ArrayList<>();
    for (int i = heading + 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("|")) {
        tableLines.add(line);
      } else if (!tableLines.isEmpty()) {
        break;
      }
    }
    if (tableLines.size() < 3) {
      throw malformed(source, "has no table with a header and rows under '" + HEADING + "'");
    }
    List<String> header = cells(tableLines.get(0));
    if (!cells(tableLines.get(1)).stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
      throw malformed(source, "has no |---| line under the table's header");
    }
    int featureColumn = column(header, "feature", source);
    int tablesColumn = column(header, "owns tables", source);
    int mayUseColumn = column(header, "may use", source);

    Map<String, Feature> features = new LinkedHashMap<>();
    List<Table> tables = new ArrayList<>();
    for (String line : tableLines.subList(2, tableLines.size())) {
      List<String> row = cells(line);
      if (row.size() != header.size()) {
        throw malformed(
            source, "row '" + line + "' has " + row.size() + " cells, not " + header.size());
      }
      String name = unquote(row.get(featureColumn));
      if (!FEATURE_NAME.matcher(name).matches()) {
        throw malformed(source, "row '" + line + "' names no feature package (e.g. `links`)");
      }
      if (features.containsKey(name)) {
        throw malformed(source, "has two rows for " + name);
      }
      Set<String> mayUse = new LinkedHashSet<>();
      String uses = unquote(row.get(mayUseColumn));
      if (!NOTHING.matcher(uses).matches()) {
        for (String used : uses.split(",")) {
          String feature = unquote(used);
          if (!features.containsKey(feature)) {
            throw malformed(
                source,
                "says "
                    + name
                    + " may use '"
                    + feature
                    + "', which is not a feature above it: a feature may use only the"
                    + " features above it, so that there are no cycles");
          }
          mayUse.add(feature);
        }
      }
      List<String> owned = new ArrayList<>();
      Matcher table = TABLE.matcher(row.get(tablesColumn));
      while (table.find()) {
        String tableName = table.group();
        for (Table other : tables) {
          if (other.name().equals(tableName)) {
            throw malformed(
                source,
                tableName + " is owned by both " + other.owner() + " and " + name + ": one owner");
          }
        }
        owned.add(tableName);
        tables.add(new Table(tableName, name));
      }
      features.put(name, new Feature(features.size() + 1, name, List.copyOf(owned), mayUse));
    }
    return new FeatureTable(features, List.copyOf(tables));
  }

  Optional<Feature> feature(String name) {
    return Optional.ofNullable(features.get(name));
  }

  List<Feature> features() {
    return List.copyOf(features.values());
  }

  List<Table> tables() {
    return tables;
  }

  /**
   * The table a name in SQL belongs to: the longest table the name equals or starts with followed
   * by "_" (LT_LINK_SEQ and LT_LINK_CAMPAIGN are LT_LINK's, LT_ALERT_ONCE is LT_ALERT's); a row's
   * "LT_TIMER_*" claims every name starting LT_TIMER_.
   */
  Optional<Table> tableOf(String sqlName) {
    String name = sqlName.toUpperCase(Locale.ROOT);
    Table best = null;
    int bestClaim = -1;
    for (Table table : tables) {
      int claim = table.claimOf(name);
      if (claim > bestClaim) {
        best = table;
        bestClaim = claim;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int column(List<String> header, String title, String source) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).toLowerCase(Locale.ROOT).startsWith(title)) {
        return i;
      }
    }
    throw malformed(source, "has no column '" + title + "' in the table's header " + header);
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  private static String unquote(String cell) {
    return cell.replace("`", "").strip();
  }

  private static IllegalStateException malformed(String source, String problem) {
    return new IllegalStateException(
        source
            + " "
            + problem
            + ". The architecture rules (ArchitectureTest) read the feature order and the table"
            + " owners from the section '"
            + HEADING
            + "': a markdown table with the columns # | Feature | Owns tables | May use, one row"
            + " per feature package, in dependency order (platform first).");
  }
}
