package io.linktrack.clicks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnonymizedAddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "203.0.113.77, 203.0.113.0",
        "10.1.2.255, 10.1.2.0",
        "'  198.51.100.9 ', 198.51.100.0",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3:0:0:0:0:0",
        "[2001:db8:1::42], 2001:db8:1:0:0:0:0:0",
        "fe80::1%eth0, fe80:0:0:0:0:0:0:0",
        "::1, 0:0:0:0:0:0:0:0",
        "example.com, NONE",
        "unknown, NONE",
        "'', NONE",
        "300.1.1.1, NONE"
      })
  void keepsOnlyTheNetworkPart(String raw, String expected) {
    assertEquals(
        Optional.ofNullable(expected),
        AnonymizedAddress.of(raw),
        "a stored address must never identify a household, and a name is never looked up");
  }
}
