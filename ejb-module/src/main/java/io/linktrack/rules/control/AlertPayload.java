package io.linktrack.rules.control;

import io.linktrack.rules.entity.Scope;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The JSON body of a webhook alert and the links to the records it is about. */
public final class AlertPayload {

  private AlertPayload() {}

  public static String json(Attempt attempt, String apiBaseUrl) {
    JsonObjectBuilder subject =
        Json.createObjectBuilder()
            .add("type", attempt.scope().name())
            .add("id", attempt.subjectId());
    if (attempt.contactId() != null) {
      subject.add("contactId", attempt.contactId());
    }
    JsonObjectBuilder links =
        Json.createObjectBuilder()
            .add("alerts", apiBaseUrl + "/api/alerts?ruleId=" + attempt.ruleId())
            .add("rule", apiBaseUrl + "/api/rules/" + attempt.ruleId());
    String subjectLink = subjectLink(attempt.scope(), attempt.subjectId(), apiBaseUrl);
    if (subjectLink != null) {
      links.add("subject", subjectLink);
    }
    if (attempt.contactId() != null) {
      links.add("contact", contactLink(attempt.contactId(), apiBaseUrl));
    }
    return Json.createObjectBuilder()
        .add("alertId", attempt.alertId())
        .add(
            "rule",
            Json.createObjectBuilder().add("id", attempt.ruleId()).add("name", attempt.ruleName()))
        .add("subject", subject)
        .add("metric", attempt.metric().name())
        .add("value", attempt.value())
        .add("threshold", attempt.threshold())
        .add("firedAt", attempt.firedAt().toString())
        .add("links", links)
        .build()
        .toString();
  }

  /** The API record of the subject; a single link has none of its own. */
  static String subjectLink(Scope scope, String subjectId, String apiBaseUrl) {
    return RuleMetrics.of(scope).apiLink(subjectId, apiBaseUrl);
  }

  static String contactLink(String contactId, String apiBaseUrl) {
    return apiBaseUrl
        + "/api/contacts/"
        + URLEncoder.encode(contactId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The plain-text body of a notification mail. */
  public static String mailText(Attempt attempt, String apiBaseUrl) {
    StringBuilder text = new StringBuilder(attempt.summary()).append("\n\n");
    text.append("Fired at: ").append(attempt.firedAt()).append('\n');
    text.append("Rule: ").append(apiBaseUrl).append("/api/rules/").append(attempt.ruleId());
    text.append('\n');
    String subjectLink = subjectLink(attempt.scope(), attempt.subjectId(), apiBaseUrl);
    if (subjectLink != null) {
      text.append(attempt.scope()).append(": ").append(subjectLink).append('\n');
    }
    if (attempt.contactId() != null) {
      text.append("Contact: ").append(contactLink(attempt.contactId(), apiBaseUrl)).append('\n');
    }
    return text.toString();
  }
}
