import type { ActivityView } from '@advisordesk/shared';
import { describeActivity, firstName } from './timeline-text';

const at = '2026-11-29T06:00:00Z';
const entry = (type: ActivityView['type'], data: Record<string, unknown>, authorName: string | null = 'Priya Sharma'): ActivityView => ({
  id: 1,
  leadId: 'l1',
  type,
  authorId: null,
  authorName,
  data,
  createdAt: at,
});

describe('timeline sentences', () => {
  it('names the author by first name, or AdvisorDesk when nobody did it', () => {
    expect(firstName('Priya Sharma')).toBe('Priya');
    expect(firstName(null)).toBe('AdvisorDesk');
  });

  it('reads status changes as sentences, with lost reasons and reopenings', () => {
    expect(describeActivity(entry('status_change', { from: 'contacted', to: 'shortlisted' })).title).toBe(
      'Priya moved the lead from Contacted to Shortlisted',
    );
    const lost = describeActivity(entry('status_change', { from: 'counselled', to: 'lost', lostReason: 'budget', note: 'Fees too high' }));
    expect(lost.title).toBe('Priya marked the lead lost (Budget), from Counselled');
    expect(lost.detail).toBe('Fees too high');
    expect(describeActivity(entry('status_change', { from: 'lost', to: 'contacted' }, 'Meera Manager')).title).toBe(
      'Meera reopened the lead as Contacted',
    );
  });

  it('says who merged which lead in, the phone kept and what was taken from it', () => {
    const merged = describeActivity(
      entry(
        'merge',
        { otherName: 'Ananya G', otherReference: 'AD-7K2M9Q', otherPhone: '+919876543210', taken: ['email', 'city'], consentTaken: true },
        'Meera Manager',
      ),
    );
    expect(merged.title).toBe('Meera merged Ananya G (AD-7K2M9Q) into this lead');
    expect(merged.detail).toMatch(/98765 43210 kept as an alternate phone · Took its email and city · Took its more recent consent$/);
  });

  it('gives notes, calls and WhatsApp messages their words', () => {
    expect(describeActivity(entry('note', { text: 'Wants weekend classes' }))).toEqual({
      title: 'Priya added a note',
      detail: 'Wants weekend classes',
    });
    expect(describeActivity(entry('call', { outcome: 'no_answer' })).title).toBe('Priya logged a call: No answer');
    expect(describeActivity(entry('whatsapp', { text: 'Sent the brochure' })).detail).toBe('Sent the brochure');
  });

  it('reads WhatsApp replies as the student’s words, templates by name, and STOP as a withdrawal', () => {
    const reply = entry('whatsapp', { direction: 'in', messageId: 'm1', kind: 'text', text: 'Is the MBA weekend-only?' }, null);
    expect(describeActivity(reply, { leadName: 'Aarav Mehta' }).title).toBe('Aarav replied on WhatsApp: Is the MBA weekend-only?');
    expect(describeActivity(entry('whatsapp', { direction: 'in', messageId: 'm2', kind: 'image' }, null), { leadName: 'Aarav Mehta' }).title).toBe(
      'Aarav replied on WhatsApp: 📷 A photo',
    );
    expect(describeActivity(entry('whatsapp', { direction: 'in', messageId: 'm3', kind: 'text', text: 'Hi' }, null)).title).toBe(
      'The student replied on WhatsApp: Hi',
    );
    expect(
      describeActivity(
        entry('whatsapp', {
          direction: 'out',
          messageId: 'm4',
          kind: 'template',
          template: { name: 'comparison_ready', language: 'en', variables: [] },
        }),
      ).title,
    ).toBe('Priya sent the WhatsApp template “comparison_ready”');
    expect(describeActivity(entry('whatsapp', { direction: 'out', messageId: 'm5', kind: 'text', text: 'Sure, 10 am works' })).detail).toBe(
      'Sure, 10 am works',
    );
    expect(describeActivity(entry('inquiry', { source: 'whatsapp' }, null)).title).toBe('Wrote on WhatsApp from a new number: the lead was created');
    expect(describeActivity(entry('consent', { withdrawn: { whatsapp: true }, via: 'whatsapp' }, null)).title).toBe(
      'The person withdrew consent to WhatsApp messages by replying STOP on WhatsApp',
    );
  });

  it('names advisors of assignments from the ids it is given', () => {
    const names = new Map([
      ['a1', 'Priya Sharma'],
      ['a2', 'Rahul Verma'],
    ]);
    expect(describeActivity(entry('assignment', { to: 'a1', automatic: true }, null), { names }).title).toBe(
      'Assigned to Priya Sharma automatically',
    );
    expect(describeActivity(entry('assignment', { from: 'a1', to: 'a2' }, 'Meera Manager'), { names }).title).toBe(
      'Meera reassigned the lead from Priya Sharma to Rahul Verma',
    );
    expect(describeActivity(entry('assignment', { to: 'zz' }, 'Meera Manager')).title).toBe('Meera assigned the lead to another advisor');
    expect(describeActivity({ ...entry('assignment', { to: 'a1', automatic: false }), authorId: 'a1' }, { names }).title).toBe(
      'Assigned to Priya Sharma, who entered the lead',
    );
  });

  it('says who took or gave a lead and to whom, with the names recorded in the entry (so advisors read them too)', () => {
    expect(
      describeActivity({ ...entry('assignment', { from: 'a2', fromName: 'Rahul Verma', to: 'a1', toName: 'Priya Sharma' }), authorId: 'a1' }).title,
    ).toBe('Priya Sharma took the lead over from Rahul Verma');
    expect(
      describeActivity(entry('assignment', { from: 'a1', fromName: 'Priya Sharma', to: 'a2', toName: 'Rahul Verma' }, 'Meera Manager')).title,
    ).toBe('Meera reassigned the lead from Priya Sharma to Rahul Verma');
    expect(describeActivity(entry('assignment', { to: 'a2', toName: 'Rahul Verma' }, 'Meera Manager')).title).toBe(
      'Meera assigned the lead to Rahul Verma',
    );
  });

  it('names the program and its university on shortlist entries, and reads older entries as they were recorded', () => {
    expect(
      describeActivity(entry('shortlist', { action: 'added', program: 'Online MBA, NMIMS', programName: 'Online MBA', university: 'NMIMS' })).title,
    ).toBe('Priya shortlisted Online MBA (NMIMS)');
    expect(describeActivity(entry('shortlist', { action: 'removed', programName: 'Online MBA', university: 'NMIMS' })).title).toBe(
      'Priya removed Online MBA (NMIMS) from the shortlist',
    );
    expect(describeActivity(entry('shortlist', { action: 'added', program: 'Online MBA, NMIMS' })).title).toBe('Priya shortlisted Online MBA, NMIMS');
    expect(describeActivity(entry('shortlist', { action: 'added', program: 'Online MBA' })).title).toBe('Priya shortlisted Online MBA');
    expect(describeActivity(entry('shortlist', { action: 'added' })).title).toBe('Priya shortlisted a program');
  });

  it('describes follow-ups with their India time', () => {
    const scheduled = describeActivity(entry('task', { action: 'scheduled', title: 'Call back about fees', dueAt: '2026-11-30T04:30:00.000Z' }));
    expect(scheduled.title).toMatch(/^Priya scheduled a follow-up for 30 Nov 2026, 10:00\sam$/i);
    expect(scheduled.detail).toBe('Call back about fees');
    expect(describeActivity(entry('task', { action: 'done', title: 'Call back' })).title).toBe('Priya completed a follow-up');
  });

  it('tells website enquiries from leads entered by hand', () => {
    const web = describeActivity(entry('inquiry', { repeat: false, courseInterest: 'Online MBA', utmCampaign: 'spring-mba' }, null));
    expect(web).toEqual({ title: 'Enquired through the website form', detail: 'Interested in Online MBA · Campaign: spring-mba' });
    expect(describeActivity(entry('inquiry', { repeat: true }, null)).title).toBe('Enquired again through the website form');
    const imported = { fileName: 'pune-fair.csv', by: 'Meera Iyer' };
    expect(describeActivity(entry('inquiry', { import: imported, courseInterest: 'Online MBA' }, null))).toEqual({
      title: 'Imported from pune-fair.csv by Meera Iyer',
      detail: 'Interested in Online MBA',
    });
    expect(describeActivity(entry('inquiry', { import: imported, repeat: true }, null)).title).toBe(
      'Imported again from pune-fair.csv by Meera Iyer (already a lead: kept as an enquiry)',
    );
    expect(describeActivity(entry('inquiry', { source: 'walk_in', enteredBy: 'Priya Sharma' })).title).toBe('Priya entered the lead (Walk-in)');
  });

  it('covers shortlists, comparisons, consent, profile edits and erasure', () => {
    const comparison = describeActivity(entry('comparison', { programs: ['A', 'B'], url: '/c/abc' }));
    expect(comparison).toEqual({ title: 'Priya shared a comparison of 2 programs', detail: 'A · B', link: '/c/abc' });
    expect(describeActivity(entry('consent', { withdrawn: { marketing: true, whatsapp: false }, via: 'link' }, null)).title).toBe(
      'The person withdrew consent to marketing messages using the link in a message',
    );
    const formConsent = describeActivity(
      entry('consent', { given: { whatsapp: true, marketing: true }, held: { whatsapp: true, marketing: false }, via: 'form', applied: false }, null),
    );
    expect(formConsent.title).toBe('The form was sent again with consent to WhatsApp messages and marketing messages');
    expect(formConsent.detail).toMatch(/^Not applied/);
    expect(
      describeActivity(
        entry('consent', { given: { whatsapp: true, marketing: false }, held: { whatsapp: true, marketing: false }, via: 'form' }, null),
      ).detail,
    ).toBe('The lead already had this consent.');
    expect(describeActivity(entry('profile', { changed: ['city', 'budgetPaise', 'email'] })).title).toBe('Priya updated the city, budget and email');
    expect(describeActivity(entry('erasure', {}, 'Meera Manager')).title).toBe('Meera erased the person’s personal data on request');
    expect(describeActivity(entry('note', { erased: true })).title).toBe('An entry whose words were erased on request');
  });

  it('reads who owns a lead: transfer requests, answers and the handover when an advisor leaves', () => {
    const names = new Map([
      ['u-rahul', 'Rahul Verma'],
      ['u-sneha', 'Sneha Iyer'],
    ]);
    expect(describeActivity(entry('transfer_request', { action: 'requested', note: 'He asked for me' }, 'Rahul Verma'))).toEqual({
      title: 'Rahul asked for this lead to be transferred to them',
      detail: 'He asked for me',
    });
    expect(describeActivity(entry('transfer_request', { action: 'approved', requestedBy: 'u-rahul' }), { names }).title).toBe(
      'Priya approved Rahul’s request for this lead',
    );
    expect(describeActivity(entry('transfer_request', { action: 'declined', requestedBy: 'u-rahul' }, 'Meera Manager'), { names }).title).toBe(
      'Meera declined Rahul’s request for this lead',
    );
    expect(describeActivity(entry('assignment', { from: 'u-sneha', to: 'u-rahul', via: 'handover' }, 'Asha Admin'), { names }).title).toBe(
      'Asha handed the lead from Sneha Iyer to Rahul Verma when Sneha left',
    );
  });

  it('reads consent recorded by staff: what the person agreed to or withdrew, and how', () => {
    expect(describeActivity(entry('consent', { recorded: { whatsapp: true }, via: 'staff', channel: 'in_person', note: 'At the desk' }))).toEqual({
      title: 'Priya recorded that the person agreed to WhatsApp messages (in person)',
      detail: 'At the desk',
    });
    expect(describeActivity(entry('consent', { recorded: { whatsapp: true, marketing: false }, via: 'staff', channel: 'phone' })).title).toBe(
      'Priya recorded that the person agreed to WhatsApp messages and withdrew consent to marketing messages (by phone)',
    );
  });

  it('reads an application’s steps in plain words: started, moved, documents, payments, and the lead following it', () => {
    const program = 'MBA (Online), Amity University';
    const app = (data: Record<string, unknown>, author: string | null = 'Priya Sharma') =>
      entry('application', { applicationId: 'a1', program, ...data }, author);
    expect(describeActivity(app({ action: 'created', session: '2026-27' })).title).toBe(
      'Priya started an application to MBA (Online), Amity University for 2026-27',
    );
    expect(describeActivity(app({ action: 'upload_link' })).title).toBe('Priya made a link for the student to upload documents');
    expect(describeActivity(app({ action: 'status', from: 'documents', to: 'submitted' })).title).toBe(
      'Priya moved the application to MBA (Online), Amity University from Collecting documents to Submitted',
    );
    expect(describeActivity(app({ action: 'document_uploaded', label: '12th mark sheet', via: 'staff' }))).toEqual({
      title: 'Priya uploaded 12th mark sheet',
      detail: program,
    });
    expect(
      describeActivity(app({ action: 'document_uploaded', label: 'Passport-size photo', via: 'student' }, null), { leadName: 'Aarav Mehta' }).title,
    ).toBe('Aarav sent Passport-size photo through the upload link');
    const rejected = describeActivity(app({ action: 'document_reviewed', label: 'ID proof', status: 'rejected', note: 'Blurred' }, 'Meera Manager'));
    expect(rejected).toEqual({ title: 'Meera rejected ID proof', detail: `${program} · Blurred` });
    expect(describeActivity(app({ action: 'document_reviewed', label: 'ID proof', status: 'verified' })).title).toBe('Priya verified ID proof');
    expect(describeActivity(app({ action: 'payment', kind: 'application_fee', amountPaise: 1_500_00 })).title).toBe(
      'Priya recorded ₹1,500 paid (application fee)',
    );
    expect(describeActivity(app({ action: 'payment_removed', kind: 'tuition', amountPaise: 45_000_00 }, 'Meera Manager')).title).toBe(
      'Meera deleted a payment of ₹45,000 recorded by mistake',
    );
    expect(
      describeActivity(entry('status_change', { from: 'counselled', to: 'applied', automatic: true, via: 'application', program }, null)).title,
    ).toBe('The lead moved from Counselled to Applied with its application to MBA (Online), Amity University');
  });
});
