package io.linktrack.clicks.entity;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address with the part that identifies a household removed: the last octet of IPv4 (as
 * Google Analytics does) and the last 80 bits of IPv6, keeping the /48 routing prefix. Enough for a
 * rough region or network, not for a person. The raw address is never stored.
 */
public final class AnonymizedAddress {

  /** Only IP literals are accepted, so parsing can never turn into a DNS lookup. */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private AnonymizedAddress() {}

  public static Optional<String> of(String address) {
    return literal(address)
        .map(
            parsed -> {
              byte[] bytes = parsed.getAddress();
              int keep = parsed instanceof Inet4Address ? 3 : 6;
              for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
              }
              return bytes;
            })
        .flatMap(AnonymizedAddress::address)
        .map(InetAddress::getHostAddress);
  }

  /**
   * An IP literal as an address ({@code [::1]}, zone ids and spaces allowed); empty for anything
   * else. Never a DNS lookup.
   */
  public static Optional<InetAddress> literal(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (!IP_LITERAL.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      InetAddress parsed = InetAddress.getByName(literal);
      return parsed instanceof Inet4Address || parsed instanceof Inet6Address
          ? Optional.of(parsed)
          : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> address(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
