import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_CHECKLIST,
  istDate,
  LEAD_STATUS_FOR_APPLICATION,
  PIPELINE,
  type ApplicationStatus,
  type DocumentKind,
  type DocumentStatus,
  type PaymentKind,
  type ProgramView,
} from '@advisordesk/shared';
import { CHUNK_BYTES } from '@advisordesk/api-applications';
import { demoPdf, idCardJpeg, passportPhotoJpeg, passportPhotoPng, scannedMarksheetPng, type DemoFile } from './demo-documents';
import { seededUuid, type GeneratedLead } from './lead-history.generator';
import { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The application statuses whose reaching moves the lead (submitted → applied, offer → admitted, enrolled → enrolled). */
const STAGE_OF: Partial<Record<ApplicationStatus, number>> = { planned: 0, documents: 1, submitted: 2, offer: 3, enrolled: 4 };

const REJECTION_NOTES = [
  'The scan is blurred: please upload a clearer copy',
  'Only the first page came through: please upload all pages',
  'The name does not match the ID proof: please check',
];

interface Step {
  to: ApplicationStatus;
  at: number;
}

interface PlannedApplication {
  lead: GeneratedLead['lead'];
  program: ProgramView<Date>;
  createdAt: number;
  steps: Step[];
}

/**
 * Applications for the demo leads that reached a shortlist, in every status and each agreeing with
 * its lead: the lead's move to applied, admitted or enrolled is its furthest application reaching
 * submitted, offer or enrolled at that moment (so that move on the timeline is marked as the
 * application's); a lost lead's applications were withdrawn or rejected. Open applications have
 * deadlines around today, documents follow the default checklist (real PDF, PNG and JPEG files,
 * some verified, some rejected), submitted ones have paid the application fee. Each step is on the
 * lead's timeline as the API writes it.
 */
export async function seedApplications(
  manager: EntityManager,
  leads: readonly GeneratedLead[],
  shortlists: ReadonlyMap<string, readonly ProgramView<Date>[]>,
  now: number,
): Promise<void> {
  const rng = new Random(20_261_204);
  const scans = { left: 4 };
  const planned: PlannedApplication[] = [];
  for (const generated of leads) {
    const programs = shortlists.get(generated.lead.id);
    if (programs?.length) planned.push(...planApplications(rng, generated, programs, now));
  }
  // Each lead follows its first application (the first of its plans).
  const followed = new Map<string, { applicationId: string; program: string }>();
  let deadlineTurn = 0;
  for (const [index, application] of planned.entries()) {
    const status = application.steps[application.steps.length - 1].to;
    const open = status === 'planned' || status === 'documents' || status === 'submitted' || status === 'offer';
    // Open ones: every third due this week, the rest within a month (a few just missed); closed ones: before they closed.
    const deadline = open
      ? istDate(new Date(now + (deadlineTurn++ % 3 === 0 ? rng.int(0, 6) : rng.int(-3, 30)) * DAY))
      : rng.chance(0.7)
        ? istDate(new Date(application.createdAt + rng.int(10, 40) * DAY))
        : null;
    const id = seededUuid('application', index);
    if (!followed.has(application.lead.id))
      followed.set(application.lead.id, { applicationId: id, program: `${application.program.name}, ${application.program.universityName}` });
    await writeApplication(manager, rng, id, application, deadline, now, scans);
  }
  // The lead's moves that its application made, as the API records them (advanceLeadTo).
  await manager.query(
    `UPDATE activities a SET data = a.data || jsonb_build_object('automatic', true, 'via', 'application', 'applicationId', f.application_id, 'program', f.program)
       FROM jsonb_to_recordset($2::jsonb) AS f(lead_id uuid, application_id uuid, program text)
      WHERE a.lead_id = f.lead_id AND a.type = 'status_change' AND a.data->>'to' = ANY($1::text[])`,
    [
      Object.values(LEAD_STATUS_FOR_APPLICATION),
      JSON.stringify([...followed].map(([leadId, f]) => ({ lead_id: leadId, application_id: f.applicationId, program: f.program }))),
    ],
  );
}

/** When the lead's history first reached `stage` of the lead pipeline (or a later one), if it did. */
function reached(generated: GeneratedLead, stage: number): number | null {
  const change = generated.activities.find((a) => a.type === 'status_change' && PIPELINE.indexOf(a.data.to as (typeof PIPELINE)[number]) >= stage);
  return change ? change.at.getTime() : null;
}

function planApplications(rng: Random, generated: GeneratedLead, programs: readonly ProgramView<Date>[], now: number): PlannedApplication[] {
  const { lead } = generated;
  const applied = reached(generated, PIPELINE.indexOf('applied'));
  const admitted = reached(generated, PIPELINE.indexOf('admitted'));
  const enrolled = reached(generated, PIPELINE.indexOf('enrolled'));
  const shortlisted = reached(generated, PIPELINE.indexOf('shortlisted')) ?? lead.createdAt.getTime();
  const firstMove = applied ?? admitted ?? enrolled;
  const createdAt = Math.max(
    lead.createdAt.getTime() + HOUR,
    Math.min(shortlisted + 2 * HOUR, firstMove === null ? now - HOUR : firstMove - 2 * HOUR),
  );
  // A lead that skipped a stage was moved once: its application skipped the same step.
  const submittedAt = applied === admitted ? null : applied;
  const offerAt = admitted === enrolled ? null : admitted;
  const documentsAt = (until: number | null) => {
    const at = createdAt + rng.int(4, 48) * HOUR;
    return at < (until ?? now) ? at : null;
  };
  const path = (...steps: (Step | null)[]): Step[] => {
    const kept = steps.filter((s): s is Step => !!s && s.at <= now);
    return [{ to: 'planned', at: createdAt }, ...kept];
  };
  const step = (to: ApplicationStatus, at: number | null): Step | null => (at === null ? null : { to, at });
  // The first pick is the application the lead follows: its steps are the lead's own moves.
  const main = path(step('documents', documentsAt(firstMove)), step('submitted', submittedAt), step('offer', offerAt), step('enrolled', enrolled));
  if (lead.status === 'lost' && lead.lostAt) {
    const furthest = main[main.length - 1].to;
    const closedBy: ApplicationStatus = (STAGE_OF[furthest] ?? 0) >= 2 && rng.chance(0.5) ? 'rejected' : 'withdrawn';
    main.push({ to: closedBy, at: Math.max(lead.lostAt.getTime(), main[main.length - 1].at + HOUR) });
  }
  if (lead.status === 'shortlisted' && rng.chance(0.35)) main.splice(1);
  const plans: PlannedApplication[] = [{ lead, program: programs[0], createdAt, steps: main }];
  const second = programs[1];
  if (!second || lead.status === 'lost') return plans;
  if (lead.status === 'shortlisted') {
    if (rng.chance(0.5)) plans.push({ lead, program: second, createdAt: createdAt + HOUR, steps: path() });
  } else if (lead.status === 'enrolled' && enrolled) {
    // Enrolled elsewhere: the other application was withdrawn.
    plans.push({
      lead,
      program: second,
      createdAt: createdAt + HOUR,
      steps: path(step('documents', documentsAt(firstMove)), step('submitted', applied && applied + 4 * HOUR), step('withdrawn', enrolled + HOUR)),
    });
  } else if (applied) {
    // A second university, submitted a few hours after the first; some said no.
    const submitted = applied + 4 * HOUR;
    const answered = submitted + rng.int(3, 20) * DAY;
    plans.push({
      lead,
      program: second,
      createdAt: createdAt + HOUR,
      steps: path(step('documents', documentsAt(applied)), step('submitted', submitted), rng.chance(0.6) ? step('rejected', answered) : null),
    });
  }
  return plans;
}

/** How far each document of the checklist got, for an application that reached `stage`. */
function documentStatus(rng: Random, stage: number, required: boolean, kind: DocumentKind): DocumentStatus {
  if (stage >= 2) return required || rng.chance(0.5) ? 'verified' : 'missing';
  if (stage === 0) return kind === 'photo' && rng.chance(0.3) ? 'uploaded' : 'missing';
  if (!required) return rng.chance(0.3) ? 'uploaded' : 'missing';
  return rng.weighted([
    ['verified', 35],
    ['uploaded', 30],
    ['rejected', 12],
    ['missing', 23],
  ] as const);
}

/** The file a student (or their advisor) would upload for a document. */
function documentFile(
  rng: Random,
  kind: DocumentKind,
  studentName: string,
  label: string,
  scans: { left: number },
): { file: DemoFile; name: string } {
  if (kind === 'photo')
    return rng.chance(0.5) ? { file: passportPhotoJpeg(rng), name: 'photo.jpg' } : { file: passportPhotoPng(rng), name: 'photo.png' };
  if (kind === 'id_proof')
    return rng.chance(0.5) ? { file: idCardJpeg(rng), name: 'aadhaar.jpg' } : { file: pdfOf(label, studentName), name: 'aadhaar.pdf' };
  if ((kind === 'marksheet_10' || kind === 'marksheet_12') && scans.left > 0 && rng.chance(0.1)) {
    scans.left--;
    return { file: scannedMarksheetPng(rng), name: `${kind.replace('_', '-')}-scan.png` };
  }
  return { file: pdfOf(label, studentName), name: `${kind.replace(/_/g, '-')}.pdf` };
}

function pdfOf(label: string, studentName: string): DemoFile {
  return demoPdf(label, [`Name: ${studentName}`, 'Sample document of the AdvisorDesk demo data.', 'Not a real certificate.']);
}

async function storeFile(manager: EntityManager, file: DemoFile, at: Date): Promise<string> {
  const sha256 = createHash('sha256').update(file.bytes).digest();
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO stored_files (content_type, size, sha256, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [file.contentType, file.bytes.length, sha256, at],
  );
  for (let n = 0; n * CHUNK_BYTES < file.bytes.length; n++)
    await manager.query(`INSERT INTO stored_file_chunks (file_id, n, data) VALUES ($1, $2, $3)`, [
      id,
      n,
      file.bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
    ]);
  return id;
}

async function writeApplication(
  manager: EntityManager,
  rng: Random,
  id: string,
  application: PlannedApplication,
  deadline: string | null,
  now: number,
  scans: { left: number },
): Promise<void> {
  const { lead, program, steps, createdAt } = application;
  const advisor = lead.advisorId;
  const status = steps[steps.length - 1].to;
  const maxStage = Math.max(...steps.map((s) => STAGE_OF[s.to] ?? 0));
  // Submitted, or sent straight to an offer: when the university got it.
  const submittedAt = steps.find((s) => (STAGE_OF[s.to] ?? 0) >= 2)?.at ?? null;
  const session = program.currentFee?.session ?? '2026-27';
  const programLabel = `${program.name}, ${program.universityName}`;
  const events: { at: number; authorId: string | null; data: Record<string, unknown> }[] = [];
  const event = (at: number, authorId: string | null, data: Record<string, unknown>) =>
    events.push({ at, authorId, data: { ...data, applicationId: id, program: programLabel } });

  event(createdAt, advisor, { action: 'created', session });
  steps.slice(1).forEach((s, i) => event(s.at, advisor, { action: 'status', from: steps[i].to, to: s.to }));
  const universityApplicationNo =
    maxStage >= 2
      ? `${program.universityName.replace(/[^A-Z]/g, '').slice(0, 5) || 'UNI'}-${session.slice(0, 4)}-${String(rng.int(1000, 99999)).padStart(6, '0')}`
      : null;
  const last = Math.max(...steps.map((s) => s.at));
  await manager.query(
    `INSERT INTO applications (id, lead_id, program_id, session, status, max_stage, university_application_no, deadline, created_by, updated_by, created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12)`,
    [
      id,
      lead.id,
      program.id,
      session,
      status,
      maxStage,
      universityApplicationNo,
      deadline,
      advisor,
      new Date(createdAt),
      new Date(last),
      steps.length,
    ],
  );

  // The checklist, copied from the default when the application was made.
  const until = Math.min(submittedAt ?? now, now);
  for (const [position, item] of DEFAULT_CHECKLIST.entries()) {
    const documentId = seededUuid(`document:${id}`, position);
    const documentState = documentStatus(rng, maxStage, item.required, item.kind);
    let file: { id: string; name: string; contentType: string; size: number } | null = null;
    let uploadedAt: number | null = null;
    let via: 'staff' | 'student' | null = null;
    let reviewedAt: number | null = null;
    let note: string | null = null;
    if (documentState !== 'missing') {
      uploadedAt = createdAt + Math.floor(rng.next() * Math.max(until - createdAt - 2 * HOUR, HOUR));
      via = rng.chance(0.55) ? 'student' : 'staff';
      const made = documentFile(rng, item.kind, lead.fullName, item.label, scans);
      file = {
        id: await storeFile(manager, made.file, new Date(uploadedAt)),
        name: made.name,
        contentType: made.file.contentType,
        size: made.file.bytes.length,
      };
      event(uploadedAt, via === 'staff' ? advisor : null, { action: 'document_uploaded', documentId, label: item.label, via });
      if (documentState === 'verified' || documentState === 'rejected') {
        reviewedAt = Math.min(uploadedAt + rng.int(1, 30) * HOUR, until);
        if (documentState === 'rejected') note = rng.pick(REJECTION_NOTES);
        event(reviewedAt, advisor, { action: 'document_reviewed', documentId, label: item.label, status: documentState, ...(note ? { note } : {}) });
      }
    }
    await manager.query(
      `INSERT INTO application_documents (id, application_id, position, kind, label, required, status, file_id, file_name, content_type, size,
                                          uploaded_at, uploaded_by, uploaded_via, reviewed_by, reviewed_at, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        documentId,
        id,
        position,
        item.kind,
        item.label,
        item.required,
        documentState,
        file?.id ?? null,
        file?.name ?? null,
        file?.contentType ?? null,
        file?.size ?? null,
        uploadedAt === null ? null : new Date(uploadedAt),
        via === 'staff' ? advisor : null,
        via,
        reviewedAt === null ? null : advisor,
        reviewedAt === null ? null : new Date(reviewedAt),
        note,
      ],
    );
  }

  // Payments: the application fee on submission; a seat booking on an offer; tuition on enrolment.
  const payments: { kind: PaymentKind; amountPaise: number; at: number; reference: string }[] = [];
  const reference = (prefix: string) => `${prefix} ${String(rng.int(100_000, 999_999))}${String(rng.int(100_000, 999_999))}`;
  if (submittedAt !== null)
    payments.push({
      kind: 'application_fee',
      amountPaise: rng.pick([50_000, 75_000, 100_000, 150_000, 200_000]),
      at: submittedAt - HOUR,
      reference: reference('UPI'),
    });
  const offerAt = steps.find((s) => s.to === 'offer')?.at;
  if (offerAt !== undefined && rng.chance(0.6))
    payments.push({
      kind: 'other',
      amountPaise: rng.pick([5_000_00, 10_000_00, 25_000_00]),
      at: Math.min(offerAt + 2 * DAY, now),
      reference: reference('UPI'),
    });
  const enrolledAt = steps.find((s) => s.to === 'enrolled')?.at;
  const feeTotal = program.currentFee?.totalPaise ?? null;
  if (enrolledAt !== undefined && feeTotal)
    payments.push({
      kind: 'tuition',
      amountPaise: Math.round((feeTotal * rng.pick([0.25, 0.5, 1])) / 100) * 100,
      at: enrolledAt,
      reference: reference('NEFT'),
    });
  for (const payment of payments) {
    await manager.query(
      `INSERT INTO payments (application_id, kind, amount_paise, paid_at, reference, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, payment.kind, payment.amountPaise, istDate(new Date(payment.at)), payment.reference, advisor, new Date(payment.at)],
    );
    event(payment.at, advisor, { action: 'payment', kind: payment.kind, amountPaise: payment.amountPaise, paidAt: istDate(new Date(payment.at)) });
  }

  for (const e of events.sort((a, b) => a.at - b.at))
    await manager.query(`INSERT INTO activities (lead_id, type, author_id, data, created_at) VALUES ($1, 'application', $2, $3, $4)`, [
      lead.id,
      e.authorId,
      JSON.stringify(e.data),
      new Date(e.at),
    ]);
}
