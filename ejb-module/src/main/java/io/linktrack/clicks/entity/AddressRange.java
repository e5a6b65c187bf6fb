package io.linktrack.clicks.entity;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of client addresses in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}),
 * such as the published ranges of an email security gateway whose scanners open every link.
 */
public final class AddressRange {

  private final byte[] network;
  private final int prefix;
  private final String text;

  private AddressRange(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /** Parses {@code address/prefix}; a bare address is a range of one. */
  public static AddressRange parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress parsed =
        AnonymizedAddress.literal(address)
            .orElseThrow(() -> new IllegalArgumentException("Not an address range: " + cidr));
    byte[] bytes = parsed.getAddress();
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an address range: " + cidr, e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("Prefix out of range in " + cidr);
    }
    return new AddressRange(bytes, prefix, text);
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
