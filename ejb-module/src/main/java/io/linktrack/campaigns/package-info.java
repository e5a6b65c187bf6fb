/** Campaigns: named groups of messages that can switch link tracking off for all of them. */
package io.linktrack.campaigns;
