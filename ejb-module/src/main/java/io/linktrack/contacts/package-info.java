/**
 * Contacts as records: the CRM's contact id, the tags that rules give a contact, and its clicks
 * over all of its messages. Contacts owns only the contact and its tags; the messages of a contact,
 * their links' counters and the clicks one by one are asked of messages, links and clicks.
 */
package io.linktrack.contacts;
