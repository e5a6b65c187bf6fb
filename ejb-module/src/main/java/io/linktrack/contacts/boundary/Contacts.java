package io.linktrack.contacts.boundary;

import io.linktrack.clicks.boundary.NewestClicks;
import io.linktrack.clicks.boundary.NewestClicks.PersonClick;
import io.linktrack.contacts.boundary.ContactView.ContactClick;
import io.linktrack.contacts.entity.Contact;
import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.links.boundary.LinksOfMessages.MessageLink;
import io.linktrack.messages.boundary.ContactMessages;
import io.linktrack.platform.Conflict;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Contacts as records. A contact exists once the CRM creates it, or once a message or a rule names
 * it: the CRM's id is the key, so messages and rules need no mapping. A contact's clicks are those
 * of its messages: messages names them ({@link ContactMessages}), links counts them ({@link
 * LinksOfMessages}) and clicks lists them one by one ({@link NewestClicks}).
 */
@Stateless
public class Contacts {

  /** Clicks listed one by one on a contact, newest first. */
  static final int RECENT_CLICKS = 50;

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  @Inject ContactMessages messages;
  @Inject LinksOfMessages links;
  @Inject NewestClicks newestClicks;

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
    List<Long> messageIds = messages.of(id);
    List<PersonClick> clicks = newestClicks.of(messageIds, page * size, size);
    Map<Long, String> urls =
        urls(links.of(clicks.stream().map(PersonClick::messageId).distinct().toList()));
    List<TimelineClick> items =
        clicks.stream()
            .map(
                click ->
                    new TimelineClick(
                        click.at(),
                        urls.get(click.linkId()),
                        click.messageId(),
                        click.deviceClass(),
                        click.operatingSystem(),
                        click.browser()))
            .toList();
    long total = newestClicks.count(messageIds);
    if (total == 0 && em.find(Contact.class, id) == null && messageIds.isEmpty()) {
      throw new NotFound("contact", id);
    }
    return new Page<>(items, page, size, total);
  }

  private ContactView view(String id, Contact contact) {
    List<Long> messageIds = messages.of(id);
    List<MessageLink> links = this.links.of(messageIds);
    // a contact's counters are those of the links of its messages, summed
    long clicks = links.stream().mapToLong(MessageLink::clicks).sum();
    Instant firstClick =
        links.stream()
            .map(MessageLink::firstClick)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    Instant lastClick =
        links.stream()
            .map(MessageLink::lastClick)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    List<String> linksClicked =
        links.stream()
            .filter(link -> link.clicks() > 0)
            .map(MessageLink::originalUrl)
            .distinct()
            .sorted()
            .toList();
    Map<Long, String> urls = urls(links);
    List<ContactClick> recent =
        newestClicks.of(messageIds, 0, RECENT_CLICKS).stream()
            .map(click -> new ContactClick(click.at(), urls.get(click.linkId()), click.messageId()))
            .toList();
    return new ContactView(
        id,
        contact == null ? null : contact.name(),
        contact == null ? List.of() : contact.tags(),
        contact == null ? null : contact.createdAt(),
        messageIds.size(),
        clicks,
        firstClick,
        lastClick,
        linksClicked,
        recent);
  }

  /** Each link's destination, by link id: a click names its link. */
  private static Map<Long, String> urls(List<MessageLink> links) {
    return links.stream()
        .collect(Collectors.toMap(MessageLink::id, MessageLink::originalUrl, (a, b) -> a));
  }
}
