import type { DataRequestView } from '@advisordesk/shared';
import { dueInfo, fieldLabel, monthLabel, requestHistory, resolveConsequence, verificationText } from './request-text';

// 10:00 in India on 5 Dec 2026.
const now = new Date('2026-12-05T04:30:00Z');

const request: DataRequestView = {
  id: 'r1',
  reference: 'DR-7K2M9Q',
  kind: 'erasure',
  status: 'open',
  verification: 'whatsapp',
  leadId: 'l1',
  leadName: 'Kavya Nair',
  phone: '+919876543210',
  message: null,
  nominee: null,
  dueAt: '2026-12-20T04:30:00Z',
  createdAt: '2026-11-20T04:30:00Z',
  verifiedAt: '2026-11-20T04:40:00Z',
  resolvedAt: null,
  resolvedById: null,
  resolvedByName: null,
  outcome: null,
  note: null,
};

describe('when a request is due', () => {
  it('counts the days left in India, and calls one due within three days soon', () => {
    expect(dueInfo(request, now)).toEqual({ text: 'Due in 15 days', overdue: false, soon: false });
    expect(dueInfo({ status: 'open', dueAt: '2026-12-08T04:30:00Z' }, now)).toEqual({ text: 'Due in 3 days', overdue: false, soon: true });
    expect(dueInfo({ status: 'open', dueAt: '2026-12-06T04:30:00Z' }, now).text).toBe('Due tomorrow');
    // 23:00 in India the same day.
    expect(dueInfo({ status: 'open', dueAt: '2026-12-05T17:30:00Z' }, now).text).toBe('Due today');
  });

  it('is overdue once its time has passed and it is still unanswered', () => {
    expect(dueInfo({ status: 'open', dueAt: '2026-12-03T04:30:00Z' }, now)).toEqual({ text: 'Overdue by 2 days', overdue: true, soon: false });
    // 7:30 am in India, earlier the same day.
    expect(dueInfo({ status: 'open', dueAt: '2026-12-05T02:00:00Z' }, now)).toEqual({ text: 'Overdue', overdue: true, soon: false });
    expect(dueInfo({ status: 'unverified', dueAt: '2026-12-01T04:30:00Z' }, now).overdue).toBe(true);
  });

  it('says nothing of an answered request, and waits for the verification to start the clock', () => {
    expect(dueInfo({ status: 'done', dueAt: '2026-12-01T04:30:00Z' }, now)).toEqual({ text: '', overdue: false, soon: false });
    expect(dueInfo({ status: 'unverified', dueAt: null }, now).text).toBe('Starts once verified');
  });
});

describe('how a request was verified and resolved', () => {
  it('says what the person is waiting for, or how they proved the phone is theirs', () => {
    expect(verificationText({ ...request, verifiedAt: null, status: 'unverified', verification: 'staff' })).toBe('Waiting for a call from staff');
    expect(verificationText(request)).toBe('Verified (a code was sent on WhatsApp)');
    expect(verificationText({ ...request, verification: 'staff' })).toBe('Verified by a call from staff');
    expect(verificationText({ ...request, verifiedAt: null, status: 'refused' })).toBe('Never verified');
  });

  it('lists received, verified and resolved in order, with who resolved it', () => {
    const resolved = {
      ...request,
      status: 'done' as const,
      resolvedAt: '2026-11-21T06:00:00Z',
      resolvedById: 'u1',
      resolvedByName: 'Priya Sharma',
      outcome: 'done' as const,
    };
    expect(requestHistory(resolved).map((event) => event.text)).toEqual([
      'Received on the privacy page',
      'Verified (a code was sent on WhatsApp)',
      'Resolved as done by Priya Sharma',
    ]);
    expect(requestHistory(resolved)[0].at).toBe('20 Nov 2026, 10:00 am');
  });

  it('ends by itself, by no one, after five wrong codes', () => {
    const ended = { ...request, status: 'refused' as const, verifiedAt: null, resolvedAt: '2026-11-20T05:00:00Z', outcome: 'refused' as const };
    expect(requestHistory(ended).map((event) => event.text)).toEqual(['Received on the privacy page', 'Refused']);
  });
});

describe('what resolving does', () => {
  it('warns that resolving an erasure or a withdrawal as done does it', () => {
    expect(resolveConsequence(request, 'done')).toEqual({
      text: expect.stringContaining('erases Kavya Nair’s personal data now'),
      destructive: true,
    });
    expect(resolveConsequence({ ...request, kind: 'withdrawal' }, 'done')).toEqual({
      text: expect.stringContaining('withdraws Kavya Nair’s consent'),
      destructive: true,
    });
    expect(resolveConsequence({ ...request, kind: 'nomination', nominee: { name: 'Ravi Nair', phone: '+919812345678' } }, 'done').text).toBe(
      'This records Ravi Nair as nominee on Kavya Nair’s timeline.',
    );
  });

  it('changes nothing on a refusal, or when the phone is nobody’s', () => {
    expect(resolveConsequence(request, 'refused').destructive).toBe(false);
    expect(resolveConsequence({ ...request, leadId: null, leadName: null }, 'done')).toEqual({
      text: expect.stringContaining('No lead holds this phone'),
      destructive: false,
    });
  });
});

describe('labels', () => {
  it('names a month and a field as people read them', () => {
    expect(monthLabel('2026-11')).toBe('Nov 2026');
    expect(monthLabel('soon')).toBe('soon');
    expect(fieldLabel('fullName')).toBe('Full name');
    expect(fieldLabel('guardian_phone')).toBe('Guardian phone');
    expect(fieldLabel('Course interest')).toBe('Course interest');
  });
});
