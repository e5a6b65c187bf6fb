/**
 * Access: who may call the API. The three roles, the API keys systems such as the CRM use (stored
 * only as hashes, revocable), and the bootstrap administrator that makes a fresh installation
 * usable without a password anyone knows. People's accounts live in Liberty's user registry
 * (liberty-config/includes/security.xml), not here.
 */
package io.linktrack.access;
