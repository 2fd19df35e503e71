import { buildInquiry, type FormValues } from './inquiry';

const empty: FormValues = {
  fullName: '',
  country: 'IN',
  phone: '',
  email: '',
  city: '',
  courseInterest: '',
  level: '',
  mode: '',
  consentWhatsapp: false,
  consentMarketing: false,
  minor: '',
  guardianName: '',
  guardianCountry: 'IN',
  guardianPhone: '',
  guardianConsent: false,
  website: '',
};

const filled: FormValues = { ...empty, fullName: ' Ananya Gupta ', phone: '098765 43210', city: 'Pune', minor: 'no' };
const page = { sourceUrl: 'https://guides.example.in/mba', utm: { source: 'google' } };

describe('the Quick Inquiry, checked and turned into the API body', () => {
  it('names each required field that is missing', () => {
    const result = buildInquiry(empty, 1, {});
    expect(result).toEqual({
      ok: false,
      errors: {
        fullName: 'Enter your full name',
        phone: 'Enter your WhatsApp number',
        city: 'Enter your city',
        minor: 'Please answer: are you under 18?',
      },
    });
  });

  it('checks the phone with the shared rules, for the country chosen', () => {
    const wrong = buildInquiry({ ...filled, phone: '011 2345 6789' }, 1, {});
    expect(wrong.ok || wrong.errors.phone).toBe('Enter a valid 10-digit mobile number, e.g. 98765 43210');
    const uae = buildInquiry({ ...filled, country: 'AE', phone: '98765 43210' }, 1, {});
    expect(uae.ok || uae.errors.phone).toBe('Enter a valid UAE mobile number');
    const ok = buildInquiry({ ...filled, country: 'AE', phone: '050 123 4567' }, 1, {});
    expect(ok.ok && ok.body.phone).toBe('+971 050 123 4567');
  });

  it('refuses a short name and a malformed email, and takes an empty email', () => {
    const result = buildInquiry({ ...filled, fullName: 'A', email: 'ananya@gmail' }, 1, {});
    expect(result.ok || Object.keys(result.errors)).toEqual(['fullName', 'email']);
    expect(buildInquiry({ ...filled, email: '  ' }, 1, {}).ok).toBe(true);
  });

  it('sends consent as ticked (never assumed), the notice version, the page context and the honeypot', () => {
    const result = buildInquiry(
      { ...filled, email: ' ananya@example.in ', courseInterest: 'Online MBA', level: 'PG', mode: 'online', consentWhatsapp: true },
      3,
      page,
    );
    expect(result).toEqual({
      ok: true,
      body: {
        fullName: 'Ananya Gupta',
        phone: '098765 43210',
        email: 'ananya@example.in',
        city: 'Pune',
        courseInterest: 'Online MBA',
        level: 'PG',
        mode: 'online',
        consent: { whatsapp: true, marketing: false, language: 'en' },
        consentNoticeVersion: 3,
        minor: false,
        sourceUrl: 'https://guides.example.in/mba',
        utm: { source: 'google' },
        website: '',
      },
    });
  });

  it('under 18: a parent or guardian with a valid number must agree', () => {
    const missing = buildInquiry({ ...filled, minor: 'yes' }, 1, {});
    expect(missing.ok || Object.keys(missing.errors)).toEqual(['guardian.fullName', 'guardian.phone', 'guardian.consent']);
    const unticked = buildInquiry({ ...filled, minor: 'yes', guardianName: 'Sunita Gupta', guardianPhone: '98111 22334' }, 1, {});
    expect(unticked.ok || unticked.errors).toEqual({ 'guardian.consent': 'Your parent or guardian must agree before you can send this form' });
    const agreed = buildInquiry(
      { ...filled, minor: 'yes', guardianName: 'Sunita Gupta', guardianCountry: 'AE', guardianPhone: '50 123 4567', guardianConsent: true },
      1,
      {},
    );
    expect(agreed.ok && agreed.body).toMatchObject({ minor: true, guardian: { fullName: 'Sunita Gupta', phone: '+971 50 123 4567', consent: true } });
  });
});

describe('the Quick Inquiry in Hindi', () => {
  it('says what to fix in Hindi and records that the consent was given in Hindi', () => {
    const result = buildInquiry(empty, 4, {}, 'hi');
    expect(result.ok || result.errors).toEqual({
      fullName: 'अपना पूरा नाम लिखें',
      phone: 'अपना WhatsApp नंबर लिखें',
      city: 'अपना शहर लिखें',
      minor: 'कृपया बताएँ: क्या आपकी आयु 18 वर्ष से कम है?',
    });
    const sent = buildInquiry({ ...filled, consentWhatsapp: true }, 4, {}, 'hi');
    expect(sent.ok && sent.body.consent).toEqual({ whatsapp: true, marketing: false, language: 'hi' });
  });

  it('a language the widget has no words for keeps the form in English but records that language', () => {
    const result = buildInquiry(empty, 4, {}, 'ta');
    expect(result.ok || result.errors.fullName).toBe('Enter your full name');
    expect(buildInquiry(filled, 4, {}, 'ta')).toMatchObject({ ok: true, body: { consent: { language: 'ta' } } });
  });
});
