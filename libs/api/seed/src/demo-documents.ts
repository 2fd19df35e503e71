/**
 * Small but real files for the demo's uploaded documents, made in code so the seed needs no binary
 * assets: a one-page PDF, PNGs (a passport photo and a grey "scan" big enough to span chunks) and
 * a baseline JPEG. Each opens in a browser or a viewer; the same inputs give the same bytes.
 */
import { deflateSync } from 'node:zlib';
import type { Random } from './random';

export interface DemoFile {
  bytes: Buffer;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
}

/** A one-page A4 PDF with a heading and lines of Helvetica (ASCII only: anything else becomes `?`). */
export function demoPdf(title: string, lines: readonly string[]): DemoFile {
  const text = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT',
    '/F1 20 Tf 56 770 Td',
    `(${text(title)}) Tj`,
    '/F1 12 Tf 0 -34 Td',
    ...lines.flatMap((line) => [`(${text(line)}) Tj`, '0 -18 Td']),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.from(pdf, 'latin1'), contentType: 'application/pdf' };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `channels` 1 (grey) or 3 (RGB) from a pixel function answering 0–255 per channel. */
function png(width: number, height: number, channels: 1 | 3, pixel: (x: number, y: number) => readonly number[]): DemoFile {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * channels));
  let at = 0;
  for (let y = 0; y < height; y++) {
    rows[at++] = 0;
    for (let x = 0; x < width; x++) for (const value of pixel(x, y).slice(0, channels)) rows[at++] = value;
  }
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return { bytes, contentType: 'image/png' };
}

type Rgb = readonly [number, number, number];

/** A passport-style photo on a grid of `cols` × `rows` cells: background, shoulders, face and hair. */
function passportColour(col: number, row: number, cols: number, rows: number, tone: Rgb): Rgb {
  const x = (col + 0.5) / cols - 0.5;
  const y = (row + 0.5) / rows;
  if ((x / 0.47) ** 2 + ((y - 1.12) / 0.4) ** 2 <= 1) return [52, 66, 94];
  if ((x / 0.23) ** 2 + ((y - 0.3) / 0.14) ** 2 <= 1 && y < 0.3) return [43, 33, 24];
  if ((x / 0.22) ** 2 + ((y - 0.44) / 0.24) ** 2 <= 1) return tone;
  return [214, 230, 245];
}

const SKIN_TONES: readonly Rgb[] = [
  [198, 142, 108],
  [172, 118, 86],
  [224, 172, 138],
  [150, 100, 72],
];

export function passportPhotoPng(rng: Random): DemoFile {
  const tone = rng.pick(SKIN_TONES);
  return png(150, 190, 3, (x, y) => passportColour(x, y, 150, 190, tone));
}

/**
 * A grey "scanned" mark sheet: paper with faint grain, ruled lines and a stamp. The grain does not
 * compress, so one is about 300 KB and takes two chunks.
 */
export function scannedMarksheetPng(rng: Random): DemoFile {
  const width = 620;
  const height = 860;
  return png(width, height, 1, (x, y) => {
    const grain = Math.floor(rng.next() * 24);
    const ruled = y > 120 && y < 760 && y % 40 < 2 && x > 40 && x < width - 40;
    const stamp = (x - 480) ** 2 + (y - 790) ** 2 < 45 ** 2 && (x - 480) ** 2 + (y - 790) ** 2 > 38 ** 2;
    return [ruled || stamp ? 90 + grain : 226 + grain];
  });
}

// A baseline JPEG whose 8×8 blocks are each one colour: every block is just its DC coefficient and
// an end-of-block, so it needs no DCT. Quantising DC by 8 makes the coefficient `value - 128`.
const JPEG_DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const JPEG_DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Canonical Huffman codes from the code-length counts (JPEG Annex C). */
function huffmanCodes(bits: readonly number[], values: readonly number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]; i++) codes.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;

  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.filled === 8) this.flushByte();
    }
  }

  end(): Buffer {
    // Pad the last byte with 1s, as the standard asks.
    while (this.filled !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }

  private flushByte() {
    this.bytes.push(this.current);
    // A 0xFF in the entropy-coded data is followed by a stuffed zero.
    if (this.current === 0xff) this.bytes.push(0);
    this.current = 0;
    this.filled = 0;
  }
}

function segment(marker: number, body: readonly number[]): Buffer {
  const length = body.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...body]);
}

/** A JPEG of `cols` × `rows` flat 8×8 blocks (YCbCr 4:4:4) from an RGB colour per block. */
function blockJpeg(cols: number, rows: number, colour: (col: number, row: number) => Rgb): DemoFile {
  const dc = huffmanCodes(JPEG_DC_BITS, JPEG_DC_VALUES);
  const writer = new BitWriter();
  const predictors = [0, 0, 0];
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++) {
      const [r, g, b] = colour(col, row);
      const ycc = [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b].map(
        (v) => Math.max(0, Math.min(255, Math.round(v))) - 128,
      );
      ycc.forEach((value, component) => {
        const diff = value - predictors[component];
        predictors[component] = value;
        const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const { code, length } = dc.get(category) ?? { code: 0, length: 0 };
        writer.write(code, length);
        if (category > 0) writer.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        writer.write(0, 1); // end of block: the AC table's only code
      });
    }
  const width = cols * 8;
  const height = rows * 8;
  const bytes = Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xdb, [0x00, 8, ...new Array<number>(63).fill(16)]),
    segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    segment(0xc4, [0x00, ...JPEG_DC_BITS, ...JPEG_DC_VALUES]),
    segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    writer.end(),
    Buffer.from([0xff, 0xd9]),
  ]);
  return { bytes, contentType: 'image/jpeg' };
}

export function passportPhotoJpeg(rng: Random): DemoFile {
  const tone = rng.pick(SKIN_TONES);
  return blockJpeg(24, 30, (col, row) => passportColour(col, row, 24, 30, tone));
}

/** An ID card photographed on a desk, as a JPEG: a pale card with a photo box and text bars. */
export function idCardJpeg(rng: Random): DemoFile {
  const tone = rng.pick(SKIN_TONES);
  return blockJpeg(54, 34, (col, row) => {
    if (col < 2 || col > 51 || row < 2 || row > 31) return [96, 84, 70];
    if (row < 7) return [236, 120, 40];
    if (col >= 5 && col < 17 && row >= 10 && row < 26) return passportColour(col - 5, row - 10, 12, 16, tone);
    if (col >= 21 && col < 46 && row >= 11 && row < 25 && row % 4 === 3) return [60, 60, 70];
    return [246, 244, 236];
  });
}
