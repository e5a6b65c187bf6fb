/**
 * Shortening: finding the http/https URLs of a message body, giving each a random short code, and
 * resolving codes back to their destinations for the redirect. Also custom links (created on their
 * own through the API), and the end of a link: expiry (any link) and retirement (custom links).
 */
package io.linktrack.links;
