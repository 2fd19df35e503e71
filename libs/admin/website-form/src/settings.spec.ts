import type { WebsiteFormSettings } from '@advisordesk/shared';
import { noticeChanged, originProblem, toOrigin, toPayload } from './settings';

const saved: WebsiteFormSettings = {
  courses: [{ name: 'Online MBA', level: 'PG', mode: 'online' }],
  allowedOrigins: ['https://www.example.in'],
  notice: { version: 3, text: 'We collect your name and number.', url: null, createdAt: '2026-04-01T04:30:00.000Z' },
  embedSnippet: '',
  iframeSnippet: '',
  hostedUrl: '',
};

describe('the website form settings screen', () => {
  it('takes website origins as admins paste them, and refuses page addresses', () => {
    expect(toOrigin(' https://www.example.in/ ')).toBe('https://www.example.in');
    expect(toOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(toOrigin('HTTPS://Blog.Example.in')).toBe('https://blog.example.in');
    for (const bad of [
      'www.example.in',
      'https://www.example.in/guides/mba',
      'https://www.example.in/?utm_source=x',
      'ftp://example.in',
      'https://user@example.in',
    ]) {
      expect(toOrigin(bad)).toBeNull();
      expect(originProblem(bad)).toMatch(/just the website address/);
    }
    expect(originProblem('  ')).toMatch(/remove this row/);
  });

  it('sends trimmed, de-duplicated courses and origins, and no link as null', () => {
    expect(
      toPayload({
        courses: [
          { name: ' Online MBA ', level: 'PG', mode: 'online' },
          { name: 'online mba', level: 'UG', mode: null },
          { name: '', level: null, mode: null },
          { name: 'Online MCA', level: 'PG', mode: null },
        ],
        allowedOrigins: ['https://www.example.in/', 'https://www.example.in'],
        noticeText: ' Text ',
        noticeUrl: ' ',
      }),
    ).toEqual({
      courses: [
        { name: 'Online MBA', level: 'PG', mode: 'online' },
        { name: 'Online MCA', level: 'PG', mode: null },
      ],
      allowedOrigins: ['https://www.example.in'],
      noticeText: 'Text',
      noticeUrl: null,
    });
  });

  it('knows when saving makes a new notice version', () => {
    expect(noticeChanged(saved, { noticeText: 'We collect your name and number. ', noticeUrl: '' })).toBe(false);
    expect(noticeChanged(saved, { noticeText: 'We collect your name, number and city.', noticeUrl: '' })).toBe(true);
    expect(noticeChanged(saved, { noticeText: saved.notice.text, noticeUrl: 'https://www.example.in/privacy' })).toBe(true);
  });
});
