/**
 * Shortening: finding the http/https URLs of a message body, giving each a random short code, and
 * resolving codes back to their destinations for the redirect.
 */
package io.linktrack.links;
