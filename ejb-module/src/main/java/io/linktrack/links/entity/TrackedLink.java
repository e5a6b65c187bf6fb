package io.linktrack.links.entity;

import io.linktrack.platform.Conflict;
import io.linktrack.platform.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A short link. A message link belongs to one message: the same URL in another message gets another
 * link, which is what lets a click name the message (and so the contact) it came from. A custom
 * link stands alone (a link on a poster, a QR code, a social post) and has a name instead.
 *
 * <p>A link may expire; a custom link may be retired. Neither deletes it: its clicks stay in the
 * reports.
 */
@Entity
@Table(name = "LT_LINK")
public class TrackedLink {

  /** Longer destinations are refused: browsers and proxies cut URLs beyond this. */
  public static final int MAX_URL = Destination.MAX_LENGTH;

  public static final int MAX_NAME = 200;

  @Id
  @SequenceGenerator(name = "LT_LINK_SEQ", sequenceName = "LT_LINK_SEQ", allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_LINK_SEQ")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = ShortCode.MAX_LENGTH)
  private String code;

  /** The message the link was made for; null for a custom link. */
  @Column(name = "MESSAGE_ID", updatable = false)
  private Long messageId;

  /** Custom links only. */
  @Column(name = "NAME", length = MAX_NAME)
  private String name;

  /** A custom link's own campaign; a message link's is its message's. */
  @Column(name = "CAMPAIGN_ID")
  private Long campaignId;

  @Column(name = "ORIGINAL_URL", nullable = false, length = MAX_URL)
  private String originalUrl;

  /** 0-based order of first appearance in the message body. */
  @Column(name = "POSITION", nullable = false)
  private int position;

  @Column(name = "CLICKS", nullable = false)
  private long clicks;

  /** Hits by previewers, scanners and other bots: kept apart, never in {@code clicks}. */
  @Column(name = "BOT_CLICKS", nullable = false)
  private long botClicks;

  @Column(name = "FIRST_CLICK")
  private Instant firstClick;

  @Column(name = "LAST_CLICK")
  private Instant lastClick;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  /** Null: the link never expires. */
  @Column(name = "EXPIRES_AT")
  private Instant expiresAt;

  /** Null: not retired. */
  @Column(name = "RETIRED_AT")
  private Instant retiredAt;

  protected TrackedLink() {}

  /**
   * A link of a message, with the message's campaign (null for none); {@code expiresAt} may be
   * null.
   */
  public TrackedLink(
      ShortCode code,
      long messageId,
      Long campaignId,
      Destination destination,
      int position,
      Instant createdAt,
      Instant expiresAt) {
    this.code = code.value();
    this.messageId = messageId;
    this.campaignId = campaignId;
    this.originalUrl = destination.url();
    this.position = position;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /**
   * A custom link. The destination must be an absolute http(s) URL of at most {@value #MAX_URL}
   * characters, the name not blank, and an expiry, if any, after {@code now}.
   */
  public static TrackedLink custom(
      ShortCode code,
      Destination destination,
      String name,
      Long campaignId,
      Instant expiresAt,
      Instant now) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "name is required and must not be blank");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "name is at most " + MAX_NAME + " characters");
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidInput("expiresAt", "expiresAt must be in the future");
    }
    TrackedLink link = new TrackedLink();
    link.code = code.value();
    link.originalUrl = destination.url();
    link.name = name.strip();
    link.campaignId = campaignId;
    link.createdAt = now;
    link.expiresAt = expiresAt;
    return link;
  }

  public LinkType type() {
    return messageId == null ? LinkType.CUSTOM : LinkType.MESSAGE;
  }

  /**
   * Takes a custom link out of service: its short URL answers 410 Gone from now on. Message links
   * cannot be retired (they sit in texts already sent; expiry is their way to end). Retiring twice
   * keeps the first time.
   */
  public void retire(Instant now) {
    if (type() != LinkType.CUSTOM) {
      throw new Conflict("Link " + id + " belongs to a message; only custom links can be retired");
    }
    if (retiredAt == null) {
      retiredAt = now;
    }
  }

  public String shortUrl(String shortBaseUrl) {
    return ShortCode.shortUrl(shortBaseUrl, code);
  }

  public boolean wasClicked() {
    return firstClick != null;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String originalUrl() {
    return originalUrl;
  }

  public int position() {
    return position;
  }

  public long clicks() {
    return clicks;
  }

  public long botClicks() {
    return botClicks;
  }

  /** 1 once a person clicked the link. */
  public long uniqueClicks() {
    return wasClicked() ? 1 : 0;
  }

  public Instant firstClick() {
    return firstClick;
  }

  public Instant lastClick() {
    return lastClick;
  }

  public Long messageId() {
    return messageId;
  }

  public String name() {
    return name;
  }

  public Long campaignId() {
    return campaignId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant retiredAt() {
    return retiredAt;
  }
}
