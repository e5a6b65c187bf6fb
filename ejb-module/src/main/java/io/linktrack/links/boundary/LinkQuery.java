package io.linktrack.links.boundary;

import io.linktrack.links.entity.LinkType;
import io.linktrack.platform.InvalidInput;

/** Filters of the link listing: the kind of link and its campaign, newest first, by page. */
public record LinkQuery(LinkType type, Long campaignId, int page, int size) {

  public static final int MAX_SIZE = 500;

  public LinkQuery {
    if (page < 0) {
      throw new InvalidInput("page", "page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "size is between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInput("page", "page is too far: page times size must stay below 2^31");
    }
  }
}
