import type { EntityManager } from 'typeorm';
import type { GeneratedLead } from './lead-history.generator';

type Db = Pick<EntityManager, 'query'>;

const LEAD_RECORD = `id uuid, reference text, full_name text, phone text, email text, city text, state text, course_interest text, level text, mode text,
  budget_paise bigint, qualification text, experience_years smallint, status text, lost_reason text, max_stage smallint, advisor_id uuid, source text,
  utm_source text, utm_medium text, utm_campaign text, landing_url text, consent_whatsapp boolean, consent_marketing boolean, consent_at timestamptz,
  consent_source text, next_follow_up_at timestamptz, first_contacted_at timestamptz, enrolled_at timestamptz, lost_at timestamptz,
  created_at timestamptz, updated_at timestamptz, version integer`;
const LEAD_COLUMNS = LEAD_RECORD.split(',').map((c) => c.trim().split(' ')[0]);

/** Writes generated leads with their inquiries, timelines and follow-ups, a batch per statement. */
export async function writeLeads(db: Db, batch: GeneratedLead[]): Promise<void> {
  const leads = batch.map(({ lead: l }) => ({
    id: l.id,
    reference: l.reference,
    full_name: l.fullName,
    phone: l.phone,
    email: l.email,
    city: l.city,
    state: l.state,
    course_interest: l.courseInterest,
    level: l.level,
    mode: l.mode,
    budget_paise: l.budgetPaise,
    qualification: l.qualification,
    experience_years: l.experienceYears,
    status: l.status,
    lost_reason: l.lostReason,
    max_stage: l.maxStage,
    advisor_id: l.advisorId,
    source: l.source,
    utm_source: l.utmSource,
    utm_medium: l.utmMedium,
    utm_campaign: l.utmCampaign,
    landing_url: l.landingUrl,
    consent_whatsapp: l.consentWhatsapp,
    consent_marketing: l.consentMarketing,
    consent_at: l.consentAt,
    consent_source: l.consentAt ? (l.landingUrl ?? 'entered by advisor') : null,
    next_follow_up_at: l.nextFollowUpAt,
    first_contacted_at: l.firstContactedAt,
    enrolled_at: l.enrolledAt,
    lost_at: l.lostAt,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
    version: l.version,
  }));
  await db.query(
    `INSERT INTO leads (${LEAD_COLUMNS.join(', ')}) SELECT ${LEAD_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${LEAD_RECORD})`,
    [JSON.stringify(leads)],
  );
  const inquiries = batch.map(({ lead: l }) => ({
    lead_id: l.id,
    received_at: l.createdAt,
    payload: {
      fullName: l.fullName,
      phone: l.phone,
      email: l.email,
      city: l.city,
      courseInterest: l.courseInterest,
      level: l.level,
      mode: l.mode,
      consent: { whatsapp: l.consentWhatsapp, marketing: l.consentMarketing },
      sourceUrl: l.landingUrl,
      utm: { source: l.utmSource, medium: l.utmMedium, campaign: l.utmCampaign },
    },
    source_url: l.landingUrl,
  }));
  await db.query(
    `INSERT INTO inquiries (lead_id, received_at, payload, source_url) SELECT lead_id, received_at, payload, source_url
       FROM jsonb_to_recordset($1::jsonb) AS x(lead_id uuid, received_at timestamptz, payload jsonb, source_url text)`,
    [JSON.stringify(inquiries)],
  );
  const activities = batch.flatMap(({ lead, activities: list }) =>
    list.map((a) => ({ lead_id: lead.id, type: a.type, author_id: a.authorId, data: a.data, created_at: a.at })),
  );
  await db.query(
    `INSERT INTO activities (lead_id, type, author_id, data, created_at) SELECT lead_id, type, author_id, data, created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(lead_id uuid, type text, author_id uuid, data jsonb, created_at timestamptz) ORDER BY created_at`,
    [JSON.stringify(activities)],
  );
  const tasks = batch.flatMap(({ lead, tasks: list }) =>
    list.map((t) => ({
      lead_id: lead.id,
      owner_id: lead.advisorId,
      title: t.title,
      due_at: t.dueAt,
      done_at: t.doneAt,
      outcome: t.outcome,
      created_by: lead.advisorId,
    })),
  );
  if (tasks.length) {
    await db.query(
      `INSERT INTO tasks (lead_id, owner_id, title, due_at, done_at, outcome, created_by) SELECT lead_id, owner_id, title, due_at, done_at, outcome, created_by
         FROM jsonb_to_recordset($1::jsonb) AS x(lead_id uuid, owner_id uuid, title text, due_at timestamptz, done_at timestamptz, outcome text, created_by uuid)`,
      [JSON.stringify(tasks)],
    );
  }
}
