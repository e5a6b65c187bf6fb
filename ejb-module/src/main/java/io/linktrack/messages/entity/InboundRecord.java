package io.linktrack.messages.entity;

import io.linktrack.platform.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A record on the outbound queue (format in docs/jms-format.md). Either a reference to a message
 * the API has already stored ({@code {"messageId": 42}}), or a whole outbound message that the CRM
 * put on the queue itself, identified for idempotency by its {@code externalId} or, failing that,
 * by the JMS message id.
 */
public sealed interface InboundRecord {

  record Stored(long messageId) implements InboundRecord {}

  record Submitted(OutboundDraft draft, String sourceKey) implements InboundRecord {}

  static InboundRecord parse(String json, String jmsMessageId) {
    if (json == null || json.isBlank()) {
      throw new InvalidInput("record", "The outbound record is empty");
    }
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidInput("record", "The outbound record is not a JSON object: " + e.getMessage());
    }
    if (object.containsKey("messageId")) {
      return new Stored(number(object, "messageId"));
    }
    OutboundDraft draft =
        new OutboundDraft(
            Channel.parse(text(object, "channel")),
            text(object, "to"),
            text(object, "from"),
            text(object, "subject"),
            text(object, "body"),
            object.containsKey("campaignId") && !object.isNull("campaignId")
                ? number(object, "campaignId")
                : null,
            text(object, "contactId"),
            object.containsKey("trackLinks") && !object.isNull("trackLinks")
                ? bool(object, "trackLinks")
                : null,
            null);
    String externalId = text(object, "externalId");
    String key = externalId != null && !externalId.isBlank() ? "ext:" + externalId : "jms:" + jmsMessageId;
    return new Submitted(draft, key);
  }

  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new InvalidInput(field, field + " must be a string");
  }

  private static long number(JsonObject object, String field) {
    if (object.get(field) instanceof JsonNumber number && number.isIntegral()) {
      return number.longValueExact();
    }
    throw new InvalidInput(field, field + " must be a whole number");
  }

  private static boolean bool(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw new InvalidInput(field, field + " must be true or false");
  }
}
