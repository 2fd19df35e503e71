import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, queryMaybeOne, queryRows } from '@advisordesk/api-core';
import { LEAD_COLUMNS, LEAD_FROM, type LeadView } from '@advisordesk/api-leads';
import {
  APPLICATION_STATUS_LABELS,
  formatInr,
  formatIstDateTime,
  LEAD_MODE_LABELS,
  PROGRAM_LEVEL_LABELS,
  formatPhone,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  PAYMENT_KIND_LABELS,
  type ApplicationStatus,
  type DataSummary,
  type PaymentKind,
} from '@advisordesk/shared';
import { PrivacyErrors } from '../privacy.errors';

/** A summary is read later, often printed: dates in full, never "Today". */
const inFull = (value: Date) => formatIstDateTime(value, { relative: false });

/** The timeline's entry kinds, as a person reads them in the summary. */
const ACTIVITY_WORDS: Record<string, string> = {
  inquiry: 'Inquiries you sent',
  note: "Advisors' notes",
  call: 'Calls',
  whatsapp: 'WhatsApp messages',
  status_change: 'Changes of where your inquiry stands',
  assignment: 'Advisors assigned to you',
  task: 'Follow-ups planned',
  shortlist: 'Programs shortlisted for you',
  comparison: 'Comparisons made for you',
  consent: 'Consents given or withdrawn',
  profile: 'Changes to your details',
  application: 'Steps of your applications',
  merge: 'Duplicate records joined',
  privacy: 'Requests about your data',
  erasure: 'Erasures',
  transfer_request: 'Requests between advisors to take your inquiry',
};

/**
 * What an access request answers (DPDP Act s. 11): the personal data held about the person and
 * what is done with it, in words, from every table that holds it.
 */
@Injectable()
export class DataSummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forRequest(requestId: string): Promise<DataSummary<Date>> {
    const request = await queryMaybeOne<{ leadId: string | null }>(this.dataSource, `SELECT lead_id AS "leadId" FROM data_requests WHERE id = $1`, [
      requestId,
    ]);
    if (!request) throw new AppError(PrivacyErrors.requestNotFound);
    if (!request.leadId) throw new AppError(PrivacyErrors.nothingHeld);
    return this.forLead(request.leadId);
  }

  async forLead(leadId: string): Promise<DataSummary<Date>> {
    const lead = await queryMaybeOne<LeadView>(this.dataSource, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = $1`, [leadId]);
    if (!lead) throw new AppError(PrivacyErrors.nothingHeld);
    if (lead.erasedAt) throw new AppError(PrivacyErrors.leadErased);
    const [inquiries, activities, messages, applications, documents, payments] = await Promise.all([
      queryRows<{ at: Date; source: string | null; course: string | null; message: string | null }>(
        this.dataSource,
        `SELECT received_at AS at, payload->>'source' AS source, payload->>'courseInterest' AS course, payload->>'message' AS message
           FROM inquiries WHERE lead_id = $1 ORDER BY received_at`,
        [leadId],
      ),
      queryRows<{ type: string; n: number; first: Date; last: Date }>(
        this.dataSource,
        `SELECT type, count(*)::int AS n, min(created_at) AS first, max(created_at) AS last FROM activities WHERE lead_id = $1 GROUP BY type ORDER BY type`,
        [leadId],
      ),
      queryRows<{ direction: string; n: number; last: Date }>(
        this.dataSource,
        `SELECT direction, count(*)::int AS n, max(created_at) AS last FROM whatsapp_messages WHERE lead_id = $1 GROUP BY direction`,
        [leadId],
      ),
      queryRows<{ program: string; university: string; session: string; status: ApplicationStatus; applicationNo: string | null }>(
        this.dataSource,
        `SELECT p.name AS program, u.name AS university, a.session, a.status, a.university_application_no AS "applicationNo"
           FROM applications a JOIN programs p ON p.id = a.program_id JOIN universities u ON u.id = p.university_id
          WHERE a.lead_id = $1 ORDER BY a.created_at`,
        [leadId],
      ),
      queryRows<{ label: string; status: string; fileName: string | null; uploadedAt: Date | null }>(
        this.dataSource,
        `SELECT d.label, d.status, d.file_name AS "fileName", d.uploaded_at AS "uploadedAt"
           FROM application_documents d JOIN applications a ON a.id = d.application_id
          WHERE a.lead_id = $1 AND d.file_id IS NOT NULL ORDER BY d.uploaded_at`,
        [leadId],
      ),
      queryRows<{ kind: PaymentKind; amountPaise: string; paidAt: string; university: string }>(
        this.dataSource,
        `SELECT pm.kind, pm.amount_paise AS "amountPaise", pm.paid_at::text AS "paidAt", u.name AS university
           FROM payments pm JOIN applications a ON a.id = pm.application_id JOIN programs p ON p.id = a.program_id
           JOIN universities u ON u.id = p.university_id
          WHERE a.lead_id = $1 ORDER BY pm.paid_at`,
        [leadId],
      ),
    ]);
    const phones = [lead.phone, ...lead.alternatePhones].filter((p): p is string => !!p).map((p) => formatPhone(p));
    const sent = messages.find((m) => m.direction === 'out');
    const received = messages.find((m) => m.direction === 'in');
    const universities = [...new Set(applications.map((a) => a.university))];
    return {
      generatedAt: new Date(),
      person: {
        Name: lead.fullName,
        'Mobile numbers': phones.join(', ') || null,
        Email: lead.email,
        City: lead.city,
        State: lead.state,
        'Course of interest': lead.courseInterest,
        Level: lead.level ? PROGRAM_LEVEL_LABELS[lead.level] : null,
        Mode: lead.mode ? LEAD_MODE_LABELS[lead.mode] : null,
        Qualification: lead.qualification,
        'Years of experience': lead.experienceYears === null ? null : String(lead.experienceYears),
        Budget: lead.budgetPaise === null ? null : formatInr(lead.budgetPaise),
        'Under 18': lead.isMinor ? 'Yes' : 'No',
        "Guardian's name": lead.guardianName,
        "Guardian's mobile": lead.guardianPhone ? formatPhone(lead.guardianPhone) : null,
        'How you reached us': LEAD_SOURCE_LABELS[lead.source] ?? lead.source,
        'Where your inquiry stands': LEAD_STATUS_LABELS[lead.status] ?? lead.status,
        'Your advisor': lead.advisorName,
        'First contact with us': inFull(lead.createdAt),
      },
      consents: {
        whatsapp: lead.consentWhatsapp,
        marketing: lead.consentMarketing,
        noticeVersion: lead.consentNoticeVersion,
        language: lead.consentLanguage,
        source: lead.consentSource,
      },
      sections: [
        {
          title: 'Inquiries you sent',
          count: inquiries.length,
          items: inquiries.map((i) => [inFull(i.at), i.course && `about ${i.course}`, i.message && `“${i.message}”`].filter(Boolean).join(' · ')),
        },
        {
          title: 'WhatsApp conversation (through Meta, our WhatsApp provider)',
          count: messages.reduce((sum, m) => sum + m.n, 0),
          items: [
            sent && `${sent.n} message(s) from us, the last on ${inFull(sent.last)}`,
            received && `${received.n} message(s) from you, the last on ${inFull(received.last)}`,
          ].filter((x): x is string => !!x),
        },
        {
          title: 'Applications (shared with the universities named)',
          count: applications.length,
          items: applications.map((a) =>
            [
              `${a.program}, ${a.university}`,
              `session ${a.session}`,
              APPLICATION_STATUS_LABELS[a.status],
              a.applicationNo && `application no. ${a.applicationNo}`,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        },
        {
          title: 'Documents you or we uploaded',
          count: documents.length,
          items: documents.map((d) => [d.label, d.fileName, d.uploadedAt && inFull(d.uploadedAt), d.status].filter(Boolean).join(' · ')),
        },
        {
          title: 'Payments recorded',
          count: payments.length,
          items: payments.map((p) => `${PAYMENT_KIND_LABELS[p.kind]} to ${p.university}: ${formatInr(Number(p.amountPaise))} on ${p.paidAt}`),
        },
        {
          title: 'What we did with your data (the record of your inquiry)',
          count: activities.reduce((sum, a) => sum + a.n, 0),
          items: activities.map(
            (a) => `${ACTIVITY_WORDS[a.type] ?? a.type}: ${a.n}, ${a.n === 1 ? `on ${inFull(a.first)}` : `${inFull(a.first)} to ${inFull(a.last)}`}`,
          ),
        },
        {
          title: 'With whom it was shared',
          count: universities.length + (messages.length ? 1 : 0),
          items: [
            ...(messages.length ? ['Meta Platforms (WhatsApp), which carries our WhatsApp messages'] : []),
            ...universities.map((u) => `${u}, for your application`),
          ],
        },
      ],
    };
  }
}
