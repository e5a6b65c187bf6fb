package io.linktrack.links.entity;

import io.linktrack.messages.entity.Message;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One short link of one message: the same URL in another message gets another link, which is what
 * lets a click name the message (and so the contact) it came from.
 */
@Entity
@Table(name = "LT_LINK")
public class TrackedLink {

  /** Longer destinations are refused: browsers and proxies cut URLs beyond this. */
  public static final int MAX_URL = 4096;

  @Id
  @SequenceGenerator(name = "LT_LINK_SEQ", sequenceName = "LT_LINK_SEQ", allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_LINK_SEQ")
  private Long id;

  @Column(name = "CODE", nullable = false, unique = true, length = ShortCode.MAX_LENGTH)
  private String code;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "MESSAGE_ID")
  private Message message;

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

  protected TrackedLink() {}

  public TrackedLink(
      ShortCode code, Message message, String originalUrl, int position, Instant createdAt) {
    if (originalUrl == null || originalUrl.length() > MAX_URL) {
      throw new IllegalArgumentException("A tracked URL has 1 to " + MAX_URL + " characters");
    }
    this.code = code.value();
    this.message = message;
    this.originalUrl = originalUrl;
    this.position = position;
    this.createdAt = createdAt;
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
}
