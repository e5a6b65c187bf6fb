package io.linktrack.contacts.boundary;

import io.linktrack.contacts.boundary.ContactView.ContactClick;
import io.linktrack.contacts.entity.Contact;
import io.linktrack.platform.Conflict;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contacts as records. A contact exists once the CRM creates it, or once a message or a rule names
 * it: the CRM's id is the key, so messages and rules need no mapping.
 */
@Stateless
public class Contacts {

  /** Clicks listed one by one on a contact, newest first. */
  static final int RECENT_CLICKS = 50;

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  /** Creates a contact; without an id, Linktrack makes one up. */
  public ContactView create(String id, String name) {
    // the contact is read at /api/contacts/{id}: the server refuses '/', '\\' and '#' in a path
    // segment even when encoded, so such an id could be stored but never read back
    if (id != null
        && (id.chars().anyMatch(c -> c == '/' || c == '\\' || c == '#')
            || id.strip().equals(".")
            || id.strip().equals(".."))) {
      throw new InvalidInput("id", "id must not contain '/', '\\' or '#', nor be '.' or '..'");
    }
    Contact contact =
        new Contact(id == null ? UUID.randomUUID().toString() : id, name, Instant.now());
    if (em.find(Contact.class, contact.id()) != null) {
      throw new Conflict("A contact with id " + contact.id() + " already exists");
    }
    em.persist(contact);
    em.flush();
    return view(contact.id(), contact);
  }

  public ContactView find(String id) {
    Contact contact = em.find(Contact.class, id);
    ContactView view = view(id, contact);
    if (contact == null && view.messages() == 0) {
      throw new NotFound("contact", id);
    }
    return view;
  }

  /**
   * Adds a tag to a contact, creating the contact record if this is the first Linktrack hears of
   * it. Runs in the caller's transaction.
   */
  public void tag(String id, String tag) {
    Contact contact = em.find(Contact.class, id);
    if (contact == null) {
      contact = new Contact(id, null, Instant.now());
      em.persist(contact);
    }
    contact.tag(tag);
  }

  /** One of a contact's clicks in their timeline. */
  public record TimelineClick(
      Instant at,
      String url,
      long messageId,
      String deviceClass,
      String operatingSystem,
      String browser) {}

  /**
   * The contact's clicks across all their messages, newest first: people's clicks only (what
   * previews and scanners did is on each message's click list).
   */
  public Page<TimelineClick> timeline(String id, int page, int size) {
    Page.check(page, size);
    String where =
        " FROM Click c, TrackedLink l, Message m WHERE l.id = c.linkId AND m.id = c.messageId"
            + " AND m.contactId = :id AND c.bot = false";
    List<TimelineClick> items =
        em
            .createQuery(
                "SELECT c.clickedAt, l.originalUrl, c.messageId, c.deviceClass,"
                    + " c.operatingSystem, c.browser"
                    + where
                    + " ORDER BY c.clickedAt DESC, c.id DESC",
                Object[].class)
            .setParameter("id", id)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(
                row ->
                    new TimelineClick(
                        (Instant) row[0],
                        (String) row[1],
                        (Long) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5]))
            .toList();
    long total =
        em.createQuery("SELECT COUNT(c)" + where, Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (total == 0 && em.find(Contact.class, id) == null && !hasMessages(id)) {
      throw new NotFound("contact", id);
    }
    return new Page<>(items, page, size, total);
  }

  private boolean hasMessages(String contactId) {
    return !em.createQuery("SELECT m.id FROM Message m WHERE m.contactId = :id", Long.class)
        .setParameter("id", contactId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private ContactView view(String id, Contact contact) {
    Object[] totals =
        em.createQuery(
                "SELECT COUNT(DISTINCT m.id), SUM(l.clicks), MIN(l.firstClick), MAX(l.lastClick)"
                    + " FROM Message m LEFT JOIN TrackedLink l ON l.messageId = m.id"
                    + " WHERE m.contactId = :id",
                Object[].class)
            .setParameter("id", id)
            .getSingleResult();
    List<String> linksClicked =
        em.createQuery(
                "SELECT DISTINCT l.originalUrl FROM TrackedLink l, Message m"
                    + " WHERE l.messageId = m.id AND m.contactId = :id AND l.clicks > 0",
                String.class)
            .setParameter("id", id)
            .getResultList();
    List<ContactClick> recent =
        em
            .createQuery(
                "SELECT c.clickedAt, l.originalUrl, c.messageId FROM Click c, TrackedLink l,"
                    + " Message m WHERE l.id = c.linkId AND m.id = c.messageId"
                    + " AND m.contactId = :id AND c.bot = false ORDER BY c.clickedAt DESC, c.id DESC",
                Object[].class)
            .setParameter("id", id)
            .setMaxResults(RECENT_CLICKS)
            .getResultList()
            .stream()
            .map(row -> new ContactClick((Instant) row[0], (String) row[1], (Long) row[2]))
            .toList();
    return new ContactView(
        id,
        contact == null ? null : contact.name(),
        contact == null ? List.of() : contact.tags(),
        contact == null ? null : contact.createdAt(),
        ((Number) totals[0]).longValue(),
        totals[1] == null ? 0 : ((Number) totals[1]).longValue(),
        (Instant) totals[2],
        (Instant) totals[3],
        linksClicked,
        recent);
  }
}
