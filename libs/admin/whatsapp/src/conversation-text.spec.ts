import { failureText, messageBody, ticksOf, whyNotSendable, windowIsOpen, windowText } from './conversation-text';

const now = new Date('2026-12-04T10:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('the conversation panel’s words', () => {
  it('says how long the window stays open, or that a template is needed', () => {
    expect(windowText(inHours(18.5), now)).toBe('Window open: 18 h left');
    expect(windowText(inHours(0.5), now)).toBe('Window open: 30 min left');
    expect(windowText(inHours(-1), now)).toBe('Window closed: send a template');
    expect(windowText(null, now)).toBe('Window closed: send a template');
    expect(windowIsOpen(inHours(1), now)).toBe(true);
    expect(windowIsOpen(inHours(-0.01), now)).toBe(false);
  });

  it('ticks: none while queued, one when sent, two when delivered, two blue when read', () => {
    expect(ticksOf('queued')).toBeNull();
    expect(ticksOf('sent')).toEqual({ marks: '✓', read: false });
    expect(ticksOf('delivered')).toEqual({ marks: '✓✓', read: false });
    expect(ticksOf('read')).toEqual({ marks: '✓✓', read: true });
    expect(ticksOf('failed')).toBeNull();
  });

  it('shows the text, a template by name, or a placeholder for a photo or a location', () => {
    expect(messageBody({ kind: 'text', text: 'Is the MBA online?', template: null })).toBe('Is the MBA online?');
    expect(
      messageBody({ kind: 'template', text: null, template: { name: 'comparison_ready', language: 'en', variables: ['Aarav', 'https://x'] } }),
    ).toBe('Template “comparison_ready”: Aarav · https://x');
    expect(messageBody({ kind: 'image', text: null, template: null })).toBe('📷 A photo');
    expect(messageBody({ kind: 'location', text: null, template: null })).toBe('📍 A location');
  });

  it('explains a failure in plain words, or Meta’s title for a code we do not know', () => {
    expect(failureText({ errorCode: 131047, errorTitle: 'Re-engagement message' })).toBe(
      "More than 24 hours since the student's last message: send a template",
    );
    expect(failureText({ errorCode: 999999, errorTitle: 'Something new' })).toBe('Something new');
  });

  it('refuses to send when not connected, erased, without consent, to a minor or without a phone, in the API’s order', () => {
    const lead = { consentWhatsapp: true, erasedAt: null, whatsappWindowEndsAt: null, isMinor: false, phone: '+919876543210' };
    expect(whyNotSendable({ configured: false, check: null }, lead)).toBe('WhatsApp sending is not connected');
    expect(whyNotSendable({ configured: true, check: null }, { ...lead, consentWhatsapp: false })).toBe(
      'The student has not agreed to WhatsApp messages',
    );
    expect(whyNotSendable({ configured: true, check: null }, { ...lead, erasedAt: now.toISOString() })).toBe(
      'The person’s data was erased on request',
    );
    expect(whyNotSendable({ configured: true, check: null }, { ...lead, isMinor: true })).toBe(
      'The student is a minor: no WhatsApp messages without a guardian’s consent',
    );
    expect(whyNotSendable({ configured: true, check: null }, { ...lead, phone: null })).toBe('The lead has no phone number');
    expect(whyNotSendable({ configured: true, check: null }, lead)).toBeNull();
  });
});
