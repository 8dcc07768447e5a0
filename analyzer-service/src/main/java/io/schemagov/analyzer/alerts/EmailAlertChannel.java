package io.schemagov.analyzer.alerts;

import java.time.Duration;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends each message as a plain-text e-mail over SMTP; the subject is the headline, the body lists every finding. */
final class EmailAlertChannel implements AlertChannel {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final String from;
    private final String[] to;
    private final Links links;

    EmailAlertChannel(AlertProperties.Channel channel, Links links, Duration timeout) {
        AlertProperties.Smtp smtp = channel.smtp();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(smtp.password());
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.from = channel.from();
        this.to = channel.to().toArray(String[]::new);
        this.links = links;
    }

    @Override
    public boolean supportsResolution() {
        return true;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject("[schemagov] " + message.headline());
        mail.setText(body(message));
        try {
            sender.send(mail);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("SMTP server refused the credentials", false, null);
        } catch (MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), true, null);
        }
    }

    private String body(AlertMessage message) {
        StringBuilder text = new StringBuilder(message.headline()).append("\n\n");
        for (FindingAlert f : message.findings()) {
            text.append('[').append(f.severity()).append("] ").append(f.ruleTitle()).append(" on ").append(f.qualifiedTable())
                    .append(" (").append(f.status()).append(")\n");
            if (f.statement() != null) {
                text.append("Statement:  ").append(Payload.shorten(f.statement(), 2000)).append('\n');
            }
            text.append("Table size: ").append(Payload.tableSize(f)).append('\n')
                    .append("Lock:       ").append(Payload.shorten(f.message(), 600)).append('\n')
                    .append("Actor:      ").append(Payload.actor(f)).append('\n')
                    .append("Dashboard:  ").append(links.finding(f.findingId())).append("\n\n");
        }
        return text.toString();
    }
}
