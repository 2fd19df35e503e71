import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpStandIn {
  /** What `SMTP_URL` is set to. */
  url: string;
  /** Every mail received, parsed. */
  mails: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (smtp-server) that keeps what it receives, for tests of email without the internet. */
export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** To whom a received mail went. */
export const recipientOf = (mail: ParsedMail): string => (mail.to && 'text' in mail.to ? mail.to.text : '');
