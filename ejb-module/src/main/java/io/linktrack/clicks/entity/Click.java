package io.linktrack.clicks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded hit on a short link. Rows are written in batches by the click writer (plain JDBC,
 * see ClickWriter); this mapping defines the table and lets reports read it. The client address is
 * stored anonymised only: the raw IP never reaches the database.
 */
@Entity
@Table(name = "LT_CLICK")
public class Click {

  public static final int MAX_USER_AGENT = 512;
  public static final int MAX_REFERRER = 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "LINK_ID", nullable = false)
  private Long linkId;

  @Column(name = "MESSAGE_ID")
  private Long messageId;

  @Column(name = "CLICKED_AT", nullable = false)
  private Instant clickedAt;

  @Column(name = "USER_AGENT", length = MAX_USER_AGENT)
  private String userAgent;

  @Column(name = "REFERRER", length = MAX_REFERRER)
  private String referrer;

  @Column(name = "CLIENT_ADDRESS", length = 45)
  private String clientAddress;

  @Column(name = "BOT", nullable = false)
  private boolean bot;

  @Enumerated(EnumType.STRING)
  @Column(name = "BOT_REASON", length = 32)
  private BotReason botReason;

  @Column(name = "DEVICE_CLASS", length = 40)
  private String deviceClass;

  @Column(name = "OPERATING_SYSTEM", length = 80)
  private String operatingSystem;

  @Column(name = "BROWSER", length = 80)
  private String browser;

  protected Click() {}

  public boolean bot() {
    return bot;
  }

  public BotReason botReason() {
    return botReason;
  }

  public String deviceClass() {
    return deviceClass;
  }

  public String operatingSystem() {
    return operatingSystem;
  }

  public String browser() {
    return browser;
  }

  public Long id() {
    return id;
  }

  public Long linkId() {
    return linkId;
  }

  public Long messageId() {
    return messageId;
  }

  public Instant clickedAt() {
    return clickedAt;
  }

  public String userAgent() {
    return userAgent;
  }

  public String referrer() {
    return referrer;
  }

  public String clientAddress() {
    return clientAddress;
  }
}
