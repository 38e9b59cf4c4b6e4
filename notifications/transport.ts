// Where a digest goes: an SMTP server when KUZET_SMTP_URL is set (nodemailer), otherwise an
// outbox folder of .eml files (the same RFC 822 message, for a person or a later mailer to
// pick up). The URL is validated at the edge; it may hold a password, so it is never logged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { DigestMessage } from './render-digest.ts';

export interface OutgoingDigest extends DigestMessage {
  district: string;
  digestDate: string;
  to: string[];
}

export interface SentDigest {
  channel: 'smtp' | 'outbox';
  /** The SMTP message id or the outbox file. */
  reference: string;
}

export interface DigestTransport {
  readonly channel: 'smtp' | 'outbox';
  send(digest: OutgoingDigest): Promise<SentDigest>;
  close(): void;
}

const smtpUrlSchema = z
  .string()
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), 'KUZET_SMTP_URL must start with smtp:// or smtps://');

const fromAddress = () => process.env.KUZET_MAIL_FROM ?? 'Kuzet <kuzet@localhost>';

export function smtpTransport(url: string): DigestTransport {
  const mailer = nodemailer.createTransport(smtpUrlSchema.parse(url));
  return {
    channel: 'smtp',
    async send(digest) {
      const info = await mailer.sendMail({ from: fromAddress(), to: digest.to, subject: digest.subject, text: digest.text, html: digest.html });
      return { channel: 'smtp', reference: info.messageId };
    },
    close: () => mailer.close(),
  };
}

/** Writes `<district>-<date>.eml` into `directory`; a second digest the same day gets a suffix. */
export function outboxTransport(directory: string): DigestTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    channel: 'outbox',
    async send(digest) {
      const info = await composer.sendMail({
        from: fromAddress(),
        to: digest.to.length > 0 ? digest.to : undefined,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
      });
      mkdirSync(directory, { recursive: true });
      const safeDistrict = digest.district.replace(/[^\w-]/g, '_');
      let file = join(directory, `${safeDistrict}-${digest.digestDate}.eml`);
      for (let n = 2; ; n += 1) {
        try {
          writeFileSync(file, info.message as Buffer, { flag: 'wx' });
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          file = join(directory, `${safeDistrict}-${digest.digestDate}-${n}.eml`);
        }
      }
      return { channel: 'outbox', reference: file };
    },
    close: () => composer.close(),
  };
}

export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): DigestTransport {
  if (env.KUZET_SMTP_URL) return smtpTransport(env.KUZET_SMTP_URL);
  // Not inside KUZET_DATA_DIR: that is PGlite's own folder.
  return outboxTransport(env.KUZET_OUTBOX_DIR ?? './data/outbox');
}
