package io.linktrack.messages.entity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merge fields for bulk sends: {@code {{name}}} is replaced by the recipient's value of {@code
 * name}, and by nothing when the recipient has none (an unfilled placeholder must never reach a
 * customer). In an HTML body the values are HTML-escaped, so a CRM field cannot inject markup.
 */
public final class Template {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*\\}\\}");

  private Template() {}

  public static String fill(String template, Map<String, String> fields, boolean html) {
    if (template == null || template.indexOf("{{") < 0) {
      return template;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder(template.length() + 64);
    while (matcher.find()) {
      String value = fields == null ? null : fields.get(matcher.group(1));
      String replacement = value == null ? "" : html ? escapeHtml(value) : value;
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String escapeHtml(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
