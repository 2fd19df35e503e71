import { safeFileName, sniffFileType } from './file-type';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('what a file is, by its first bytes', () => {
  it('accepts PDF, JPEG and PNG whatever they are called', () => {
    expect(sniffFileType(bytes('%PDF-1.4\n'))).toMatchObject({ accepted: true, contentType: 'application/pdf', extension: 'pdf' });
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toMatchObject({ accepted: true, contentType: 'image/jpeg', extension: 'jpg' });
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ accepted: true, contentType: 'image/png' });
  });

  it('names what it refuses, in words a student understands', () => {
    const what = (head: Buffer) => {
      const sniffed = sniffFileType(head);
      return sniffed.accepted ? 'accepted' : sniffed.what;
    };
    expect(what(bytes('MZ\x90\x00'))).toBe('a Windows program (.exe)');
    expect(what(bytes('PK\x03\x04\x14\x00'))).toBe('a ZIP archive (or a Word / Excel file)');
    expect(what(bytes('\x00\x00\x00\x18ftypheic\x00\x00'))).toBe('a HEIC photo (iPhone)');
    expect(what(bytes('GIF89a'))).toBe('a GIF image');
    expect(what(Buffer.from('\uFEFF\n  <!DOCTYPE html><html>'))).toBe('an HTML page');
    expect(what(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('an SVG image');
    expect(what(Buffer.from('Name,Marks\nAnanya,92\n'))).toBe('a text file');
    expect(what(bytes([0x00, 0x01, 0x02, 0x03]))).toBe('a file of an unknown kind');
    expect(what(Buffer.alloc(0))).toBe('an empty file');
    // A PDF signature that is not at the very start is not a PDF.
    expect(what(Buffer.from(' %PDF-1.4'))).toBe('a text file');
  });
});

describe('the name a file is kept under', () => {
  it('keeps the last path part without control or reserved characters, with the extension of what the file is', () => {
    expect(safeFileName('C:\\fakepath\\Marks 12th.PDF', 'pdf')).toBe('Marks 12th.pdf');
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFileName('photo.exe', 'jpg')).toBe('photo.jpg');
    expect(safeFileName('a\u0000b\u001f<c>:"d|?*;.pdf', 'pdf')).toBe('abcd.pdf');
    expect(safeFileName('मार्कशीट १२.pdf', 'pdf')).toBe('मार्कशीट १२.pdf');
    expect(safeFileName('lone \uD800 surrogate.pdf', 'pdf')).toBe('lone surrogate.pdf');
    expect(safeFileName('...', 'pdf')).toBe('document.pdf');
    expect(safeFileName(undefined, 'png')).toBe('document.png');
    expect(safeFileName('x'.repeat(300) + '.pdf', 'pdf')).toHaveLength(94);
  });
});
