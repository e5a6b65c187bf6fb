package io.linktrack;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables a class names: LT_ names in its SQL, and entity names in its JPQL. Reads the
 * strings of the compiled class (its constant pool), since a class's SQL constants, query strings
 * and mapping annotations all end up there and ArchUnit does not show them.
 */
final class TableNames {

  /** An LT_ name on its own (BUILT_IN_LIST holds no table), in any case, as SQL allows. */
  private static final Pattern LT_NAME =
      Pattern.compile("(?<![A-Za-z0-9_$])LT_[A-Z0-9_]+", Pattern.CASE_INSENSITIVE);

  /** Where JPQL names an entity: FROM A a, B b / JOIN A a / UPDATE A a / DELETE FROM A a. */
  private static final Pattern JPQL_KEYWORD =
      Pattern.compile("\\b(?:FROM|JOIN(?:\\s+FETCH)?|UPDATE)\\s+", Pattern.CASE_INSENSITIVE);

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ALIAS =
      Pattern.compile("\\s+(?:AS\\s+)?[A-Za-z_][A-Za-z0-9_]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

  private TableNames() {}

  /** The LT_ names in a string, upper-cased. */
  static Set<String> sqlNames(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher name = LT_NAME.matcher(text);
    while (name.find()) {
      names.add(name.group().toUpperCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * The names that JPQL in a string puts where an entity goes (after FROM, JOIN, UPDATE, and after
   * the commas of a FROM list). Path joins ({@code JOIN m.links l}) name no entity and are skipped;
   * whether a name is an entity is for the caller to decide. The literal parts of a concatenation
   * count, whatever is put between them.
   */
  static Set<String> jpqlEntityNames(String jpql) {
    // A concatenation's recipe marks its arguments with \u0001 and \u0002; read them as a gap.
    String text = jpql.replace('\u0001', ' ').replace('\u0002', ' ');
    Set<String> names = new LinkedHashSet<>();
    Matcher keyword = JPQL_KEYWORD.matcher(text);
    while (keyword.find()) {
      int at = keyword.end();
      while (true) {
        Matcher identifier = IDENTIFIER.matcher(text).region(at, text.length());
        if (!identifier.lookingAt()) {
          break;
        }
        at = identifier.end();
        if (at < text.length() && text.charAt(at) == '.') {
          break;
        }
        names.add(identifier.group());
        Matcher alias = ALIAS.matcher(text).region(at, text.length());
        if (alias.lookingAt()) {
          at = alias.end();
        }
        Matcher comma = COMMA.matcher(text).region(at, text.length());
        if (!comma.lookingAt()) {
          break;
        }
        at = comma.end();
      }
    }
    return names;
  }

  /**
   * The UTF-8 entries of a class file's constant pool: its string literals (SQL, JPQL, the literal
   * parts of concatenations), annotation values (@Table, @SequenceGenerator, named queries), and
   * the names and descriptors of what it declares and uses.
   */
  static List<String> constantPoolStrings(InputStream classFile) throws IOException {
    DataInputStream data = new DataInputStream(new BufferedInputStream(classFile));
    if (data.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    data.readUnsignedShort(); // minor version
    data.readUnsignedShort(); // major version
    int count = data.readUnsignedShort();
    List<String> strings = new ArrayList<>();
    for (int index = 1; index < count; index++) {
      int tag = data.readUnsignedByte();
      switch (tag) {
        case 1 -> strings.add(data.readUTF()); // Utf8: u2 length, modified UTF-8, as readUTF reads
        case 7, 8, 16, 19, 20 -> data.skipNBytes(2); // Class, String, MethodType, Module, Package
        case 15 -> data.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 ->
            data.skipNBytes(4); // Integer, Float, refs, (Invoke)Dynamic
        case 5, 6 -> { // Long, Double take two entries
          data.skipNBytes(8);
          index++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
      }
    }
    return strings;
  }
}
