// Outgoing mail (password reset links), through the SMTP server named by SMTP_URL.
import nodemailer from "nodemailer";

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function sendMail(config: MailConfig, mail: Mail): Promise<void> {
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
