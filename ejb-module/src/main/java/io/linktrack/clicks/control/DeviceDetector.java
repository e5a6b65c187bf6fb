package io.linktrack.clicks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Device class, operating system and browser of a click, parsed from its user agent with Yauaa (a
 * maintained parser whose rules follow new devices and browsers, where hand-written patterns go
 * stale). Runs on the click writer thread, never on the redirect's: parsing waits for nobody.
 */
@ApplicationScoped
public class DeviceDetector {

  /** What a click stores about the device; any part may be null when the agent says nothing. */
  public record Device(String deviceClass, String operatingSystem, String browser) {
    static final Device UNKNOWN = new Device(null, null, null);
  }

  private final AtomicReference<UserAgentAnalyzer> analyzer = new AtomicReference<>();

  /**
   * Loads the rules while the application starts (a few seconds), not at the first click, which
   * would otherwise wait for them.
   */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    analyzer();
  }

  public Device of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return Device.UNKNOWN;
    }
    UserAgent parsed = analyzer().parse(userAgent);
    return new Device(
        known(parsed.getValue(UserAgent.DEVICE_CLASS)),
        known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)),
        known(parsed.getValue(UserAgent.AGENT_NAME_VERSION_MAJOR)));
  }

  // Only the fields stored are kept: fewer rules, less memory.
  private UserAgentAnalyzer analyzer() {
    UserAgentAnalyzer current = analyzer.get();
    if (current == null) {
      synchronized (analyzer) {
        current = analyzer.get();
        if (current == null) {
          current =
              UserAgentAnalyzer.newBuilder()
                  .hideMatcherLoadStats()
                  .withCache(20_000)
                  .withField(UserAgent.DEVICE_CLASS)
                  .withField(UserAgent.OPERATING_SYSTEM_NAME_VERSION_MAJOR)
                  .withField(UserAgent.AGENT_NAME_VERSION_MAJOR)
                  .build();
          analyzer.set(current);
        }
      }
    }
    return current;
  }

  private static String known(String value) {
    if (value == null || value.isBlank() || value.startsWith("Unknown") || value.contains("??")) {
      return null;
    }
    return value.length() <= 80 ? value : value.substring(0, 80);
  }
}
