/**
 * Contacts as records: the CRM's contact id, the tags that rules give a contact, and its clicks
 * over all of its messages.
 */
package io.linktrack.contacts;
