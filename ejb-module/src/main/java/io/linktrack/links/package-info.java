/**
 * Shortening: finding the http/https URLs of a message body, giving each a random short code, and
 * looking codes up for the redirect ({@code LinkLookup}; the click path caches the answers). The
 * link counters are links' too: the click path moves them through {@code LinkCounters}. Also custom
 * links (created on their own through the API), and the end of a link: expiry (any link) and
 * retirement (custom links).
 *
 * <p>One host rule, {@code HostName}, decides both what counts as a link in a body and what may be
 * stored as a destination.
 *
 * <p>Abuse resistance lives here too: every stored destination passes {@code Destination} (http or
 * https only, nothing that could break a {@code Location} header), new codes carry a keyed tag
 * ({@code CodeTag}, key from {@code CodeKey}) so a guess is refused without a lookup. (The click
 * path's {@code MissCounter} answers a network that keeps guessing with 429.)
 */
package io.linktrack.links;
