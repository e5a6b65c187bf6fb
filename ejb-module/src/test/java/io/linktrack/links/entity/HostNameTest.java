package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "localhost",
        "a",
        "my-shop.example.co.uk",
        "b--c.example",
        "x1.2b.example",
        "example.com.",
        "EXAMPLE.COM",
        "例え.jp",
        "例子.中国",
        "пример.рф",
        "उदाहरण.भारत",
        "ตัวอย่าง.ไทย",
        "موقع.مصر",
        "한국.example",
        "münchen.de",
        "xn--mnchen-3ya.de",
        "xn--r8jz45g.jp",
        "192.0.2.1",
        "255.255.255.255",
        "0.0.0.0",
        "[::1]",
        "[::]",
        "[2001:db8::1]",
        "[2001:db8:0:0:0:0:0:1]",
        "[::ffff:192.0.2.1]",
        "[fe80::1:2:3:4]"
      })
  void aNameOrAddressABrowserCanReachIsAHost(String host) {
    assertTrue(HostName.isValid(host, 0, host.length()), host);
    assertEquals(host, new HostName(host).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        ".example.com",
        "-example.com",
        "example-.com",
        "example.com_",
        "my_site.example",
        "a..b",
        "example.com..",
        "exa mple.com",
        "example.com/",
        "例え。jp",
        "👍.example",
        "exa\u200Dmple.com",
        "\u0301a.example",
        "1.2.3.256",
        "1.2.3",
        "1.2.3.4.5",
        "example.123",
        "[]",
        "[::1",
        "[zz::1]",
        "[1:2:3:4:5:6:7:8:9]",
        "[1::2::3]",
        "[12345::1]",
        "[:1::2]",
        "[1:2:3:4:5:6:7]",
        "[::1.2.3.256]"
      })
  void anythingElseIsNoHost(String host) {
    assertFalse(HostName.isValid(host, 0, host.length()), host);
    assertThrows(IllegalArgumentException.class, () -> new HostName(host));
  }

  @Test
  void theAsciiFormIsPunycodeForUnicodeLabelsOnly() {
    assertEquals("xn--r8jz45g.jp", new HostName("例え.jp").ascii());
    assertEquals("Shop.xn--mnchen-3ya.DE", new HostName("Shop.münchen.DE").ascii());
    assertEquals("xn--e1afmkfd.xn--p1ai", new HostName("пример.рф").ascii());
    assertEquals("example.com", new HostName("example.com").ascii());
  }

  @Test
  void theAuthorityHasAValidHostAndANumericPort() {
    assertTrue(HostName.isValidAuthority("user:pw@example.com:8443", 0, 24));
    assertTrue(HostName.isValidAuthority("example.com:", 0, 12), "an empty port is allowed");
    assertTrue(HostName.isValidAuthority("[::1]:80", 0, 8));
    assertTrue(HostName.isValidAuthority("a@b@例え.jp", 0, 9), "the host follows the last @");
    assertFalse(HostName.isValidAuthority("example.com:80x", 0, 15));
    assertFalse(HostName.isValidAuthority("user@:80", 0, 8));
    assertFalse(HostName.isValidAuthority("[::1]x", 0, 6));
  }
}
