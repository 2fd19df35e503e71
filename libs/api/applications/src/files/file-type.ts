import type { UploadContentType } from '@advisordesk/shared';

/** How many of a file's first bytes decide what it is. */
export const SNIFF_BYTES = 64;

export type Sniffed = { accepted: true; contentType: UploadContentType; extension: string } | { accepted: false; what: string };

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

/** What a refused file is, in words a student understands, by its signature. */
const REFUSED: { test: (head: Buffer) => boolean; what: string }[] = [
  { test: (h) => startsWith(h, 'MZ'), what: 'a Windows program (.exe)' },
  { test: (h) => startsWith(h, [0x7f, 0x45, 0x4c, 0x46]), what: 'a Linux program' },
  { test: (h) => startsWith(h, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(h, [0xca, 0xfe, 0xba, 0xbe]), what: 'a macOS program' },
  { test: (h) => startsWith(h, 'PK\x03\x04'), what: 'a ZIP archive (or a Word / Excel file)' },
  { test: (h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0]), what: 'an old Word / Excel file' },
  { test: (h) => startsWith(h, 'Rar!'), what: 'a RAR archive' },
  { test: (h) => startsWith(h, '7z\xbc\xaf\x27\x1c'), what: 'a 7-Zip archive' },
  { test: (h) => startsWith(h, [0x1f, 0x8b]), what: 'a gzip archive' },
  { test: (h) => startsWith(h, 'GIF87a') || startsWith(h, 'GIF89a'), what: 'a GIF image' },
  { test: (h) => startsWith(h, 'RIFF') && startsWith(h, 'WEBP', 8), what: 'a WebP image' },
  {
    test: (h) => startsWith(h, 'ftyp', 4) && /^(heic|heix|hevc|mif1|msf1)/.test(h.subarray(8, 12).toString('latin1')),
    what: 'a HEIC photo (iPhone)',
  },
  { test: (h) => startsWith(h, 'ftyp', 4), what: 'a video' },
  { test: (h) => startsWith(h, 'BM'), what: 'a BMP image' },
  { test: (h) => startsWith(h, 'II*\x00') || startsWith(h, 'MM\x00*'), what: 'a TIFF image' },
];

/** Markup and scripts, recognised after a byte-order mark and white space: refused whatever the file is named. */
const TEXT_KINDS: { pattern: RegExp; what: string }[] = [
  { pattern: /^<!doctype html|^<html|^<head|^<body|^<script|^<iframe/i, what: 'an HTML page' },
  { pattern: /^<svg|^<\?xml[^>]*>\s*<svg/i, what: 'an SVG image' },
  { pattern: /^<\?xml/i, what: 'an XML file' },
  { pattern: /^#!/, what: 'a script' },
  { pattern: /^[{[]/, what: 'a JSON file' },
];

/**
 * What a file is, from its first bytes (never its name, never the browser's word): PDF, JPEG and
 * PNG are accepted; anything else is named so the 415 can say what it was.
 */
export function sniffFileType(head: Buffer): Sniffed {
  if (startsWith(head, '%PDF-')) return { accepted: true, contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { accepted: true, contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, contentType: 'image/png', extension: 'png' };
  if (head.length === 0) return { accepted: false, what: 'an empty file' };
  const refused = REFUSED.find((kind) => kind.test(head));
  if (refused) return { accepted: false, what: refused.what };
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const textKind = TEXT_KINDS.find((kind) => kind.pattern.test(text));
  if (textKind) return { accepted: false, what: textKind.what };
  // Printable text (no control bytes but tab and line breaks) is a text file; anything else is not something we know.
  const printable = [...head].every((byte) => byte === 9 || byte === 10 || byte === 13 || byte >= 32);
  return { accepted: false, what: printable ? 'a text file' : 'a file of an unknown kind' };
}

/** A string's code points without unpaired surrogates (which no file name or header can carry). */
function withoutLoneSurrogates(text: string): string {
  return [...text].filter((c) => c.length === 2 || c.charCodeAt(0) < 0xd800 || c.charCodeAt(0) > 0xdfff).join('');
}

/**
 * The name a file is kept and downloaded under: the last path part of what the browser sent, no
 * control or reserved characters, at most 100 characters, ending in the extension of what the file
 * really is (`marks.exe` that is a PDF becomes `marks.pdf`).
 */
export function safeFileName(sent: string | undefined, extension: string): string {
  const last = withoutLoneSurrogates(sent ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .slice(-1)[0];
  const base = [...last]
    // Control characters and what file systems or headers refuse.
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && !'<>:"|?*;'.includes(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem =
    base
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .trim()
      .slice(0, 90) || 'document';
  return `${stem}.${extension}`;
}
