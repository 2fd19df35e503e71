import type { NoticeTexts, WebsiteFormSettings } from '@advisordesk/shared';
import { noticeChanged, originProblem, toFormValues, toOrigin, toPayload } from './settings';

const texts: NoticeTexts = {
  text: 'We collect your name and number.',
  data: ['Your name', 'Your number'],
  purposes: ['To advise you'],
  withdrawal: 'Reply STOP.',
  rights: 'Write to us.',
  board: 'Complain to the Data Protection Board of India.',
};
const hindi: NoticeTexts = { ...texts, text: 'हम आपका नाम और नंबर लेते हैं।' };
const contact = { name: 'Meera Iyer', email: 'privacy@example.in', phone: '+91 98765 00000' };

const saved: WebsiteFormSettings = {
  courses: [{ name: 'Online MBA', level: 'PG', mode: 'online' }],
  allowedOrigins: ['https://www.example.in'],
  notice: { version: 3, ...texts, url: null, contact, translations: { hi: hindi }, createdAt: '2026-04-01T04:30:00.000Z' },
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

  it('sends trimmed, de-duplicated courses and origins, the notice trimmed without blank items, and no link as null', () => {
    const notice = { ...toFormValues(saved).notice, text: ' Text ', url: ' ', data: [' Your name ', '', 'Your city'] };
    expect(
      toPayload({
        courses: [
          { name: ' Online MBA ', level: 'PG', mode: 'online' },
          { name: 'online mba', level: 'UG', mode: null },
          { name: '', level: null, mode: null },
          { name: 'Online MCA', level: 'PG', mode: null },
        ],
        allowedOrigins: ['https://www.example.in/', 'https://www.example.in'],
        notice,
      }),
    ).toEqual({
      courses: [
        { name: 'Online MBA', level: 'PG', mode: 'online' },
        { name: 'Online MCA', level: 'PG', mode: null },
      ],
      allowedOrigins: ['https://www.example.in'],
      notice: { ...texts, text: 'Text', data: ['Your name', 'Your city'], url: null, contact, translations: { hi: hindi } },
    });
  });

  it('knows when saving makes a new notice version', () => {
    const notice = toFormValues(saved).notice;
    expect(noticeChanged(saved, { ...notice, text: 'We collect your name and number. ', purposes: ['To advise you', ''] })).toBe(false);
    expect(noticeChanged(saved, { ...notice, text: 'We collect your name, number and city.' })).toBe(true);
    expect(noticeChanged(saved, { ...notice, url: 'https://www.example.in/privacy' })).toBe(true);
    expect(noticeChanged(saved, { ...notice, contact: { ...contact, phone: '+91 98765 11111' } })).toBe(true);
    expect(noticeChanged(saved, { ...notice, translations: { hi: { ...hindi, board: 'बोर्ड' } } })).toBe(true);
    expect(noticeChanged(saved, { ...notice, translations: { hi: hindi, ta: { ...texts } } })).toBe(true);
  });
});
