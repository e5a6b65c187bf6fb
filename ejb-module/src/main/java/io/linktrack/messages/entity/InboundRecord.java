package io.linktrack.messages.entity;

import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;

/**
 * A record on the outbound queue (format in docs/jms-format.md). Either a reference to a message
 * the API has already stored ({@code {"messageId": 42}}), or a whole outbound message that the CRM
 * put on the queue itself, identified for idempotency by its {@code externalId} or, failing that,
 * by the JMS message id.
 */
public sealed interface InboundRecord {

  record Stored(long messageId) implements InboundRecord {}

  record Submitted(OutboundDraft draft, String sourceKey) implements InboundRecord {}

  /** Leaves room for the key's prefix in the 255-character SOURCE_KEY column. */
  int MAX_EXTERNAL_ID = 200;

  static InboundRecord parse(String json, String jmsMessageId) {
    JsonFields record = JsonFields.parse(json, "An outbound record");
    if (record.has("messageId")) {
      return new Stored(record.wholeNumber("messageId"));
    }
    OutboundDraft draft = OutboundDraft.fromJson(record);
    String externalId = record.text("externalId");
    if (externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
      throw new InvalidInput(
          "externalId", "externalId is at most " + MAX_EXTERNAL_ID + " characters");
    }
    String key =
        externalId != null && !externalId.isBlank() ? "ext:" + externalId : "jms:" + jmsMessageId;
    return new Submitted(draft, key);
  }
}
