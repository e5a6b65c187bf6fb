package io.linktrack.links.control;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * How a message body is read when its links are made trackable.
 *
 * <p>{@link #TEXT}: every http/https URL written in the text is a link (SMS, plain-text email).
 * {@link #HTML}: only {@code <a href>} values are links; everything else in the markup is content.
 */
public enum BodyFormat {
  TEXT,
  HTML;

  /**
   * SMS is always {@link #TEXT}. An email is {@link #HTML} when its body contains at least one real
   * HTML element, otherwise {@link #TEXT}.
   *
   * <p>"Real" means: jsoup found the element's tag in the source (not one of the {@code
   * html/head/body} elements the parser invents around any input) and the tag is a known HTML tag.
   * The known-tag check keeps plain-text emails plain: text such as {@code <john@example.com>} or
   * {@code <https://example.com/x>} parses as unknown elements, and treating those mails as HTML
   * would leave their links untracked. An explicit {@code <html>} or {@code <body>} always counts.
   */
  public static BodyFormat of(boolean email, String body) {
    if (!email || body == null || body.indexOf('<') < 0) {
      return TEXT;
    }
    Document document = Parser.htmlParser().setTrackPosition(true).parseInput(body, "");
    for (Element element : document.getAllElements()) {
      if (element != document
          && !element.sourceRange().isImplicit()
          && element.tag().isKnownTag()) {
        return HTML;
      }
    }
    return TEXT;
  }
}
