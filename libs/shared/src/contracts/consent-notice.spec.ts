import { isTranslationLanguage, missingNoticeParts, noticePartLabel, EIGHTH_SCHEDULE_LANGUAGES, normaliseNotice } from './consent-notice';

const complete = {
  text: 'We use your data only with your consent.',
  data: ['Your name'],
  purposes: ['To advise you'],
  withdrawal: 'Reply STOP.',
  rights: 'Write to us.',
  board: 'Complain to the Data Protection Board of India.',
  contact: { name: 'Meera Iyer', email: 'privacy@example.in', phone: '+91 98765 00000' },
};

describe('the consent notice rule', () => {
  it('a complete notice lacks nothing; blanks, empty lists and a missing contact are named', () => {
    expect(missingNoticeParts(complete)).toEqual([]);
    expect(missingNoticeParts({ ...complete, data: ['  '], purposes: [], rights: ' ', contact: null })).toEqual([
      'data',
      'purposes',
      'rights',
      'contact.name',
      'contact.email',
      'contact.phone',
    ]);
    expect(missingNoticeParts({ ...complete, translations: { hi: { ...complete, board: '' } } })).toEqual(['translations.hi.board']);
    expect(noticePartLabel('translations.hi.board')).toBe('complaint to the Data Protection Board (Hindi)');
    expect(noticePartLabel('contact.email')).toBe("contact person's email");
  });

  it('knows the 22 languages of the Eighth Schedule, English being the base and no translation', () => {
    expect(EIGHTH_SCHEDULE_LANGUAGES).toHaveLength(22);
    expect(new Set(EIGHTH_SCHEDULE_LANGUAGES.map((l) => l.code)).size).toBe(22);
    expect(isTranslationLanguage('hi')).toBe(true);
    expect(isTranslationLanguage('kok')).toBe(true);
    for (const code of ['en', 'xx', '__proto__', 'constructor', 'toString']) expect(isTranslationLanguage(code)).toBe(false);
  });

  it('two notices that differ only in spaces, blank items or the order of translations are the same version', () => {
    const a = normaliseNotice({ ...complete, url: '', translations: { ta: complete, hi: complete } });
    const b = normaliseNotice({
      ...complete,
      text: ` ${complete.text} `,
      data: ['Your name', ' '],
      url: null,
      translations: { hi: complete, ta: complete },
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
