package io.linktrack.tasks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A CRM task for a person, the way a Salesforce workflow creates one: created by a rule. */
@Entity
@Table(name = "LT_TASK")
public class Task {

  public static final int MAX_DESCRIPTION = 2000;

  @Id
  @SequenceGenerator(name = "LT_TASK_SEQ", sequenceName = "LT_TASK_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LT_TASK_SEQ")
  private Long id;

  @Column(name = "ASSIGNEE", nullable = false, length = 255)
  private String assignee;

  @Column(name = "SUBJECT", nullable = false, length = 255)
  private String subject;

  @Column(name = "DESCRIPTION", length = MAX_DESCRIPTION)
  private String description;

  @Column(name = "CONTACT_ID", length = 255)
  private String contactId;

  @Column(name = "ALERT_ID")
  private Long alertId;

  /** Always OPEN here: the CRM works the task. */
  @Column(name = "STATUS", nullable = false, length = 16)
  private String status;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  protected Task() {}

  public Task(
      String assignee,
      String subject,
      String description,
      String contactId,
      Long alertId,
      Instant createdAt) {
    this.assignee = assignee;
    this.subject = subject;
    this.description =
        description == null || description.length() <= MAX_DESCRIPTION
            ? description
            : description.substring(0, MAX_DESCRIPTION);
    this.contactId = contactId;
    this.alertId = alertId;
    this.status = "OPEN";
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String assignee() {
    return assignee;
  }

  public String subject() {
    return subject;
  }

  public String description() {
    return description;
  }

  public String contactId() {
    return contactId;
  }

  public Long alertId() {
    return alertId;
  }

  public String status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
