package io.linktrack.rules.control;

import io.linktrack.platform.Attempts;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Sends notification mails through the server's mail session {@code mail/linktrack} (host, port,
 * user, password and TLS are server settings, liberty-config/includes/mail.xml). A failure to reach
 * the SMTP server, or its refusal, is retried later.
 */
@ApplicationScoped
public class MailSender {

  @Resource(lookup = "mail/linktrack")
  Session session;

  public Outcome send(Attempt attempt, String apiBaseUrl) {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom();
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(attempt.target()));
      mail.setSubject(
          attempt.subject() != null ? attempt.subject() : "Linktrack alert: " + attempt.ruleName(),
          StandardCharsets.UTF_8.name());
      mail.setText(AlertPayload.mailText(attempt, apiBaseUrl), StandardCharsets.UTF_8.name());
      mail.setSentDate(Date.from(Instant.now()));
      mail.setHeader("X-Linktrack-Alert", Long.toString(attempt.alertId()));
      // the session logs in itself when mail.smtp.auth is on (user and password of the session)
      Transport.send(mail);
      return Outcome.success();
    } catch (MessagingException | RuntimeException e) {
      return Outcome.retry(Attempts.reason(e));
    }
  }
}
