package io.linktrack.contacts.entity;

import io.linktrack.platform.InvalidInput;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CRM contact as Linktrack knows it: the CRM's own id (messages name it as {@code contactId}) and
 * the tags rules have given it.
 */
@Entity
@Table(name = "LT_CONTACT")
public class Contact {

  public static final int MAX_ID = 255;
  public static final int MAX_NAME = 200;
  public static final int MAX_TAG = 100;

  @Id
  @Column(name = "ID", length = MAX_ID)
  private String id;

  @Column(name = "NAME", length = MAX_NAME)
  private String name;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "LT_CONTACT_TAG", joinColumns = @JoinColumn(name = "CONTACT_ID"))
  @Column(name = "TAG", length = MAX_TAG)
  private Set<String> tags = new TreeSet<>();

  protected Contact() {}

  public Contact(String id, String name, Instant createdAt) {
    if (id == null || id.isBlank()) {
      throw new InvalidInput("id", "id must not be blank");
    }
    if (id.strip().length() > MAX_ID) {
      throw new InvalidInput("id", "id is at most " + MAX_ID + " characters");
    }
    if (name != null && name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "name is at most " + MAX_NAME + " characters");
    }
    this.id = id.strip();
    this.name = name == null || name.isBlank() ? null : name.strip();
    this.createdAt = createdAt;
  }

  /** Adds a tag; a tag the contact already has is not added twice. */
  public boolean tag(String tag) {
    if (tag == null || tag.isBlank() || tag.strip().length() > MAX_TAG) {
      throw new IllegalArgumentException("A tag has 1 to " + MAX_TAG + " characters");
    }
    return tags.add(tag.strip());
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<String> tags() {
    return List.copyOf(new TreeSet<>(tags));
  }
}
