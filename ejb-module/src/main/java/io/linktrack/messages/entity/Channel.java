package io.linktrack.messages.entity;

import io.linktrack.platform.InvalidInput;
import java.nio.charset.StandardCharsets;

/** How a message reaches its recipient; each channel limits the body differently. */
public enum Channel {
  /** 1,600 characters is ten concatenated segments, the most carriers deliver as one message. */
  SMS {
    @Override
    void checkBody(String body) {
      if (body.length() > MAX_SMS_CHARS) {
        throw new InvalidInput(
            "body", "An SMS body is at most 1,600 characters; this one has " + body.length());
      }
    }
  },
  EMAIL {
    @Override
    void checkBody(String body) {
      int bytes = body.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_EMAIL_BYTES) {
        throw new InvalidInput(
            "body",
            "An email body is at most 1 MB (1,048,576 bytes in UTF-8); this one has " + bytes);
      }
    }
  };

  public static final int MAX_SMS_CHARS = 1600;
  public static final int MAX_EMAIL_BYTES = 1024 * 1024;

  abstract void checkBody(String body);

  public static Channel parse(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput("channel", "channel is required: SMS or EMAIL");
    }
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("channel", "channel must be SMS or EMAIL");
    }
  }

  public boolean isEmail() {
    return this == EMAIL;
  }
}
