package io.linktrack.campaigns.boundary;

import java.util.List;

/**
 * How a campaign did. Counts are of people unless named bot: {@code messagesClicked} (also its
 * {@code uniqueClicks}) are messages with at least one person's click, {@code clickThroughRate} is
 * messages clicked per message sent (0 before any is sent). {@code links} is the breakdown per
 * original URL, most clicked first, one page of it ({@code linksPage}, {@code linksSize} of {@code
 * linksTotal}).
 */
public record CampaignReport(
    long campaignId,
    String name,
    long messagesSent,
    long messagesClicked,
    double clickThroughRate,
    long clicks,
    long uniqueClicks,
    long botClicks,
    List<UrlLine> links,
    int linksPage,
    int linksSize,
    long linksTotal) {

  /** One original URL of the campaign: clicks, links of it a person clicked, bot hits. */
  public record UrlLine(String originalUrl, long clicks, long uniqueClicks, long botClicks) {}
}
