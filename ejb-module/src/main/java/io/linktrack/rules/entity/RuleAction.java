package io.linktrack.rules.entity;

import io.linktrack.links.entity.Destination;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.JsonFields;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One action of a rule. {@code target} is what the action is aimed at: the webhook URL, the email
 * recipient, the tag, or the task's assignee; {@code subject} is the mail or task subject.
 */
@Embeddable
public class RuleAction {

  public static final int MAX_URL = 4096;
  public static final int MAX_SECRET = 255;
  public static final int MAX_MAIL_SUBJECT = 998;
  public static final int MAX_TAG = 100;
  public static final int MAX_ASSIGNEE = 255;
  public static final int MAX_TASK_SUBJECT = 255;

  @Enumerated(EnumType.STRING)
  @Column(name = "TYPE", nullable = false, length = 16)
  private ActionType type;

  @Column(name = "TARGET", nullable = false, length = MAX_URL)
  private String target;

  @Column(name = "SECRET", length = MAX_SECRET)
  private String secret;

  @Column(name = "SUBJECT", length = MAX_MAIL_SUBJECT)
  private String subject;

  protected RuleAction() {}

  private RuleAction(ActionType type, String target, String secret, String subject) {
    this.type = type;
    this.target = target;
    this.secret = secret;
    this.subject = subject;
  }

  public static RuleAction webhook(String url, String secret) {
    return new RuleAction(
        ActionType.WEBHOOK, httpUrl("url", url), Text.optional("secret", secret, MAX_SECRET), null);
  }

  public static RuleAction email(String to, String subject) {
    return new RuleAction(
        ActionType.EMAIL,
        emailAddress("to", to),
        null,
        Text.optional("subject", subject, MAX_MAIL_SUBJECT));
  }

  public static RuleAction tagContact(String tag) {
    return new RuleAction(ActionType.TAG_CONTACT, Text.required("tag", tag, MAX_TAG), null, null);
  }

  public static RuleAction createTask(String assignee, String subject) {
    return new RuleAction(
        ActionType.CREATE_TASK,
        Text.required("assignee", assignee, MAX_ASSIGNEE),
        null,
        Text.required("subject", subject, MAX_TASK_SUBJECT));
  }

  /** Reads {@code actions[index]}; errors name the field as {@code actions[0].url}. */
  public static RuleAction fromJson(JsonFields json, String path) {
    ActionType type = ActionType.parse(path + "type", json.text("type"));
    try {
      return switch (type) {
        case WEBHOOK -> webhook(json.text("url"), json.text("secret"));
        case EMAIL -> email(json.text("to"), json.text("subject"));
        case TAG_CONTACT -> tagContact(json.text("tag"));
        case CREATE_TASK -> createTask(json.text("assignee"), json.text("subject"));
      };
    } catch (InvalidInput e) {
      if (e.field() == null || e.field().startsWith(path)) {
        throw e;
      }
      throw new InvalidInput(path + e.field(), path + e.getMessage());
    }
  }

  static String httpUrl(String field, String url) {
    String text = Text.required(field, url, MAX_URL);
    // the rule every destination follows (http/https only, no spaces or control characters)
    Destination.of(field, text);
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidInput(field, field + " must be an absolute http or https URL");
  }

  static String emailAddress(String field, String address) {
    String text = Text.required(field, address, 320);
    try {
      InternetAddress parsed = new InternetAddress(text, true);
      String value = parsed.getAddress();
      int at = value.indexOf('@');
      // one plain address with a local part and a dotted domain: "sales@example.com"
      if (parsed.getPersonal() == null
          && value.equals(text)
          && at > 0
          && value.indexOf('.', at) > at + 1
          && !value.endsWith(".")) {
        return text;
      }
    } catch (AddressException e) {
      // reported below
    }
    throw new InvalidInput(
        field, field + " must be one plain email address, like sales@example.com");
  }

  public ActionType type() {
    return type;
  }

  public String target() {
    return target;
  }

  public String secret() {
    return secret;
  }

  public String subject() {
    return subject;
  }
}
