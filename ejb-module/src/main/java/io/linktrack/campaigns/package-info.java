/**
 * Campaigns: named groups of messages that can switch link tracking off for all of them, and add
 * UTM parameters to the destinations of their links.
 */
package io.linktrack.campaigns;
