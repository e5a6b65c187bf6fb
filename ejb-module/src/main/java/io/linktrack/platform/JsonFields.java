package io.linktrack.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Strict reading of JSON records: a field of the wrong type is an error that names the field, never
 * a silent coercion ("yes" is not a boolean). Used for REST bodies and queue records alike, so both
 * accept exactly the same records.
 */
public final class JsonFields {

  private final JsonObject object;
  private final String prefix;

  private JsonFields(JsonObject object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  public static JsonFields of(JsonObject object) {
    return new JsonFields(object, "");
  }

  /** Parses a whole document that must be one JSON object. */
  public static JsonFields parse(String json, String what) {
    if (json == null || json.isBlank()) {
      throw new InvalidInput(null, what + " needs a JSON object as its body");
    }
    JsonValue value = read(json, what);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInput(null, what + " must be a JSON object, not " + describe(value));
    }
    return of(value.asJsonObject());
  }

  private static JsonValue read(String json, String what) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      // JsonException and IllegalStateException for malformed text; and Parsson stops at 1,000
      // levels of nesting with a bare RuntimeException: no record of ours nests more than three,
      // so that too is a client's mistake (or an attack), not a server error
      throw new InvalidInput(null, what + " is not valid JSON: " + e.getMessage());
    }
  }

  public boolean has(String field) {
    return object.containsKey(field) && !object.isNull(field);
  }

  public String text(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString string) {
      return checkedText(field, string.getString());
    }
    throw wrongType(field, "a string", value);
  }

  public Long wholeNumber(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        throw new InvalidInput(path(field), path(field) + " is out of range");
      }
    }
    throw wrongType(field, "a whole number", value);
  }

  public Boolean bool(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw wrongType(field, "true or false", value);
  }

  public JsonArray array(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      return value.asJsonArray();
    }
    throw wrongType(field, "an array", value);
  }

  public JsonFields object(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      return new JsonFields(value.asJsonObject(), path(field) + ".");
    }
    throw wrongType(field, "an object", value);
  }

  /** The element at {@code index} of an array field, which must be an object. */
  public static JsonFields element(JsonArray array, int index, String arrayField) {
    JsonValue value = array.get(index);
    String path = arrayField + "[" + index + "]";
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInput(path, path + " must be an object, not " + describe(value));
    }
    return new JsonFields(value.asJsonObject(), path + ".");
  }

  public java.util.Set<String> names() {
    return object.keySet();
  }

  /** Any scalar as text (merge fields may be strings, numbers or booleans). */
  public String scalarText(String field) {
    JsonValue value = present(field);
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> checkedText(field, ((JsonString) value).getString());
      case NUMBER, TRUE, FALSE -> value.toString();
      default -> throw wrongType(field, "a string, number or boolean", value);
    };
  }

  /** Text a database can store (StorableText), named by its path in the document. */
  private String checkedText(String field, String text) {
    return StorableText.check(path(field), text);
  }

  private JsonValue present(String field) {
    JsonValue value = object.get(field);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }

  private InvalidInput wrongType(String field, String expected, JsonValue actual) {
    return new InvalidInput(
        path(field), path(field) + " must be " + expected + ", not " + describe(actual));
  }

  private String path(String field) {
    return prefix + field;
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
