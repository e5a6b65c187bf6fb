package io.linktrack.clicks.entity;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One request for a short link, as far as telling people from bots goes. {@code clientAddress} is
 * the raw address: it is checked against scanner ranges here and never stored.
 */
public record Hit(
    boolean head, boolean prefetch, String userAgent, String referrer, String clientAddress) {

  /**
   * Reads a request: {@code header} answers a request header by name (null when absent). Browsers
   * announce speculative loads in {@code Sec-Purpose} or {@code Purpose} ({@code prefetch}); Safari
   * and older Chrome used {@code X-Purpose: preview}, Firefox {@code X-Moz: prefetch}.
   */
  public static Hit of(
      String method, UnaryOperator<String> header, String userAgent, String clientAddress) {
    boolean prefetch =
        mentions(header.apply("Sec-Purpose"), "prefetch")
            || mentions(header.apply("Purpose"), "prefetch")
            || mentions(header.apply("X-Purpose"), "preview")
            || mentions(header.apply("X-Moz"), "prefetch");
    return new Hit(
        "HEAD".equalsIgnoreCase(method),
        prefetch,
        userAgent,
        header.apply("Referer"),
        clientAddress);
  }

  private static boolean mentions(String value, String word) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(word);
  }
}
