import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { inquiry, newPhone, submitInquiry } from './support';

/**
 * What erasure (`POST /api/leads/:id/erase`) does with each column of the schema, for the person:
 *   cleared   personal data, set to NULL
 *   replaced  personal data, overwritten with something that says nothing of them
 *   deleted   the person's rows go
 *   kept      about the person but not who they are: stays for anonymous counts and history
 *   none      holds no lead's personal data (catalogue, settings, staff accounts, keys)
 * A table or column added to the schema fails this test until someone classifies it here (and, if
 * it holds a person's data, makes `ConsentService.erase` take it away).
 */
type Handling = 'cleared' | 'replaced' | 'deleted' | 'kept' | 'none';

const same = (handling: Handling, columns: string[]): Record<string, Handling> => Object.fromEntries(columns.map((c) => [c, handling]));

const SCHEMA: Record<string, Record<string, Handling>> = {
  leads: {
    ...same('kept', [
      'id',
      'reference',
      'state',
      'level',
      'mode',
      'status',
      'lost_reason',
      'max_stage',
      'advisor_id',
      'source',
      'utm_source',
      'utm_medium',
      'utm_campaign',
    ]),
    ...same('kept', [
      'consent_at',
      'consent_notice_version',
      // The language the consent was given in (en, hi, …): says nothing of who the person is.
      'consent_language',
      'is_minor',
      'first_contacted_at',
      'first_contact_due_at',
      'first_contact_working_minutes',
      'enrolled_at',
      'lost_at',
      'erased_at',
      'created_at',
      'updated_at',
      'version',
      'awaiting_assignment',
      // When the student last wrote on WhatsApp (+ 24 h) and whether it is answered: no words of theirs.
      'whatsapp_window_ends_at',
      'whatsapp_unanswered',
    ]),
    // A minor's guardian was verified, when and by which staff member; when the retention warning went: no words of theirs.
    ...same('kept', ['guardian_verified_at', 'guardian_verified_by_id', 'retention_warned_at']),
    // The staff member who changed the lead last (the erasure sets it to whoever erased): not the person's data.
    updated_by: 'kept',
    // The link stays unique but answers 404 once the lead is erased.
    unsubscribe_token: 'kept',
    // The links of leads merged into this one: the same.
    merged_unsubscribe_tokens: 'kept',
    full_name: 'replaced',
    consent_whatsapp: 'replaced',
    consent_marketing: 'replaced',
    ...same('cleared', [
      'phone',
      'email',
      'city',
      'course_interest',
      'budget_paise',
      'qualification',
      'experience_years',
      'utm_term',
      'utm_content',
      'landing_url',
    ]),
    ...same('cleared', ['consent_source', 'guardian_name', 'guardian_phone', 'referrer', 'next_follow_up_at']),
    // The phones of leads merged into this one: an empty list.
    alternate_phones: 'replaced',
  },
  inquiries: {
    // The import that brought the inquiry: which file, not what it said of the person (that is the payload).
    ...same('kept', ['id', 'lead_id', 'received_at', 'import_id']),
    payload: 'replaced',
    ...same('cleared', ['source_url', 'client_hash', 'idempotency_key']),
  },
  // Only the keys that say what happened stay (ACTIVITY_KEYS_KEPT_ON_ERASURE).
  activities: { ...same('kept', ['id', 'lead_id', 'type', 'author_id', 'created_at']), data: 'replaced' },
  // Open follow-ups are deleted; done ones stay, untitled, in the advisor's figures.
  tasks: {
    ...same('kept', ['id', 'lead_id', 'owner_id', 'due_at', 'done_at', 'created_by', 'created_at', 'outcome', 'follows_task_id']),
    title: 'replaced',
  },
  shortlist_items: { ...same('kept', ['id', 'lead_id', 'program_id', 'rank', 'added_by', 'created_at']), note: 'cleared' },
  // The snapshot holds the first name; the link answers 404 once the row is gone.
  comparisons: same('deleted', ['id', 'lead_id', 'token', 'snapshot', 'created_by', 'created_at', 'expires_at', 'view_count', 'last_viewed_at']),
  // Who exported what stays; a filter value naming the person (`q=98765 43210`) becomes "erased".
  exports: { ...same('none', ['id', 'user_id', 'kind', 'row_count', 'status', 'started_at', 'finished_at']), filters: 'replaced' },
  // Who asked for whose lead stays (staff, not the person); the notes may name the person.
  lead_transfer_requests: {
    ...same('kept', ['id', 'lead_id', 'requested_by', 'created_at', 'resolved_at', 'resolved_by', 'outcome']),
    ...same('cleared', ['note', 'resolution_note']),
  },
  lead_day_counts: same('kept', ['day', 'dim', 'key', 'leads', 's1', 's2', 's3', 's4', 's5', 's6', 'lost', 'enrolled']),
  // Counts of delays per month and advisor, source, campaign or level: no person in them.
  lead_delay_buckets: same('kept', ['dim', 'month', 'key', 'kind', 'bucket', 'n']),
  // A retried form's key; the fingerprint is a hash of what the person typed. Found by the reference in the response.
  idempotency_keys: same('deleted', ['scope', 'key', 'response', 'fingerprint', 'created_at']),
  // Staff accounts: their own data, not a lead's (the phone is the advisor's work number, shown to their students).
  // An import's file name and counts: about a file of many people, never one person's data.
  lead_imports: same('none', ['id', 'user_id', 'file_name', 'rows', 'created', 'existing', 'failed', 'created_at', 'finished_at']),
  users: same('none', ['id', 'name', 'email', 'role', 'phone', 'active', 'password_hash', 'created_at', 'updated_at', 'version']),
  refresh_tokens: same('none', ['id', 'user_id', 'family_id', 'token_hash', 'expires_at', 'created_at', 'revoked_at', 'replaced_by']),
  advisor_load: same('none', ['advisor_id', 'open_leads', 'last_assigned_at']),
  app_settings: same('none', ['key', 'value', 'updated_at']),
  // The notice's contact is the operator's person, not a lead's.
  consent_notices: same('none', [
    'version',
    'text',
    'url',
    'data',
    'purposes',
    'withdrawal',
    'rights',
    'board',
    'contact',
    'translations',
    'created_by',
    'created_at',
  ]),
  universities: same('none', [
    'id',
    'name',
    'city',
    'state',
    'ownership',
    'approvals',
    'naac_grade',
    'nirf_rank',
    'nirf_category',
    'nirf_year',
    'website',
    'source_url',
    'active',
    'created_at',
    'updated_at',
    'version',
  ]),
  programs: same('none', [
    'id',
    'university_id',
    'name',
    'level',
    'credential_type',
    'mode',
    'duration_months',
    'credits',
    'stackable',
    'eligibility',
    'specialisations',
    'source_url',
    'active',
    'created_at',
    'updated_at',
    'version',
  ]),
  fee_structures: same('none', [
    'id',
    'program_id',
    'session',
    'components',
    'total_paise',
    'emi_available',
    'scholarship_notes',
    'valid_from',
    'valid_to',
    'is_current',
    'panel_edited_at',
    'created_at',
    'updated_at',
    'version',
  ]),
  fee_structure_revisions: same('none', [
    'id',
    'fee_structure_id',
    'components',
    'total_paise',
    'emi_available',
    'scholarship_notes',
    'valid_from',
    'valid_to',
    'changed_by',
    'changed_at',
  ]),
  schema_migrations: same('none', ['id', 'timestamp', 'name']),
  // Rate-limit counters: the key is a limit's name and a hash of an address or account; rows expire within minutes.
  rate_limits: same('none', ['key', 'points', 'expire']),
  // The WhatsApp conversation: the words and the profile name go, the template keeps its name but not
  // its variables (the first name, the link); what was sent when and its status stay for the counts.
  whatsapp_messages: {
    ...same('kept', ['id', 'lead_id', 'direction', 'kind', 'status', 'error_code', 'error_title', 'wa_message_id', 'sent_by', 'attempts']),
    ...same('kept', ['next_attempt_at', 'claimed_at', 'sent_at', 'created_at', 'status_at']),
    ...same('cleared', ['text', 'profile_name']),
    template: 'replaced',
  },
  // Webhook bodies as Meta sent them (phone, name, words): replaced for every lead the event touched.
  // The hash only recognises the same bytes again; it cannot be turned back into them.
  whatsapp_webhook_events: {
    ...same('kept', ['id', 'received_at', 'body_sha256', 'lead_ids', 'processed_at', 'error']),
    body: 'replaced',
  },
  // Applications stay for the report's anonymous counts; the university's number for the person, notes,
  // the files and what named them, payments' references and the student's upload links go.
  applications: {
    ...same('kept', ['id', 'lead_id', 'program_id', 'session', 'status', 'max_stage', 'deadline', 'created_by', 'updated_by', 'created_at']),
    ...same('kept', ['updated_at', 'version']),
    ...same('cleared', ['university_application_no', 'note']),
  },
  application_documents: {
    ...same('kept', ['id', 'application_id', 'position', 'kind', 'label', 'required', 'status', 'uploaded_at', 'uploaded_by', 'uploaded_via']),
    ...same('kept', ['reviewed_by', 'reviewed_at']),
    ...same('cleared', ['file_id', 'file_name', 'content_type', 'size', 'note']),
  },
  stored_files: same('deleted', ['id', 'content_type', 'size', 'sha256', 'created_at']),
  stored_file_chunks: same('deleted', ['file_id', 'n', 'data']),
  upload_links: same('deleted', ['id', 'application_id', 'token', 'created_by', 'created_at', 'expires_at', 'last_used_at']),
  payments: {
    ...same('kept', ['id', 'application_id', 'kind', 'amount_paise', 'paid_at', 'recorded_by', 'created_at']),
    reference: 'cleared',
  },
  program_checklists: same('none', ['program_id', 'items', 'updated_by', 'updated_at']),
  // What the bell told staff: titles and bodies name the person, so their notifications go.
  notifications: same('deleted', ['lead_id', 'id', 'user_id', 'kind', 'title', 'body', 'link', 'dedupe_key', 'created_at', 'read_at', 'emailed_at']),
  notification_settings: same('none', ['user_id', 'bell', 'email', 'digest', 'digest_token', 'updated_at']),
  notification_stream_tickets: same('none', ['ticket_sha256', 'user_id', 'expires_at', 'used_at']),
  digests_sent: same('none', ['user_id', 'day', 'sent_at']),
  // Which leads a bulk action changed and why some were skipped stays; a note or follow-up title not yet on every lead's timeline goes.
  bulk_operations: {
    ...same('kept', ['id', 'user_id', 'action', 'lead_ids', 'lead_versions', 'total', 'processed', 'updated', 'skipped', 'status', 'error']),
    ...same('kept', ['created_at', 'finished_at']),
    params: 'replaced',
  },
  // A rights request stays as the record of what was asked and answered; the number, the words and the nominee go.
  data_requests: {
    ...same('kept', ['id', 'reference', 'kind', 'status', 'verification', 'lead_id', 'due_at', 'verified_at', 'verified_by_id']),
    ...same('kept', ['resolved_at', 'resolved_by_id', 'outcome', 'note', 'created_at', 'version']),
    ...same('cleared', ['phone', 'message', 'nominee']),
  },
  // One-time codes (a guardian's, a request's): the person's go.
  verification_codes: {
    id: 'deleted',
    ...same('none', ['data_request_id', 'lead_id', 'code_hash', 'sent_via', 'attempts', 'expires_at', 'used_at', 'created_by', 'created_at']),
  },
  retention_runs: same('none', ['id', 'ran_at', 'warned', 'erased_inactive', 'erased_enrolled']),
  // The breach register: what happened; whose data it concerned stays (the register must show it), their details are erased from the lead.
  breaches: same('none', [
    'id',
    'discovered_at',
    'description',
    'data_concerned',
    'measures',
    'status',
    'reported_at',
    'created_at',
    'created_by',
    'version',
  ]),
  breach_leads: same('kept', ['breach_id', 'lead_id']),
  // Staff's saved list filters; a view that searched for the person (`q`, `phone`, `email`…) is deleted.
  saved_views: { ...same('none', ['id', 'user_id', 'name', 'resource', 'shared', 'created_at', 'updated_at']), query: 'deleted' },
};

/** The rows about the lead `$1`, in tables that do not link to it by `lead_id`. */
const APPLICATIONS_OF = `application_id IN (SELECT id FROM applications WHERE lead_id = $1)`;
const PERSON_ROWS: Record<string, string> = {
  leads: 'id = $1',
  application_documents: APPLICATIONS_OF,
  payments: APPLICATIONS_OF,
  upload_links: APPLICATIONS_OF,
  // The person's files: found by their hash (a document's `file_id` is already gone once the file is).
  stored_files: `$1::uuid IS NOT NULL AND sha256 = sha256('Sanjana Ramaswamy, Aadhaar 4821 7730 1946')`,
  stored_file_chunks: `$1::uuid IS NOT NULL AND file_id IN (SELECT id FROM stored_files WHERE sha256 = sha256('Sanjana Ramaswamy, Aadhaar 4821 7730 1946'))`,
  idempotency_keys: `scope = 'inquiry' AND response->>'reference' = (SELECT reference FROM leads WHERE id = $1)`,
  verification_codes: `lead_id = $1 OR data_request_id IN (SELECT id FROM data_requests WHERE lead_id = $1)`,
};

interface Column {
  table: string;
  column: string;
  type: string;
}

describe('erasure', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;

  async function schemaColumns(): Promise<Column[]> {
    return queryRows<Column>(
      t.dataSource,
      `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
         FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        ORDER BY 1, 2`,
    );
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000', PUBLIC_URL: 'https://desk.example.in' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
  });
  afterAll(() => t.close());

  it('every table and column of the schema says whether it holds personal data and what erasure does with it', async () => {
    const columns = await schemaColumns();
    const inSchema = new Set(columns.map((c) => `${c.table}.${c.column}`));
    const listed = new Set(Object.entries(SCHEMA).flatMap(([table, cols]) => Object.keys(cols).map((column) => `${table}.${column}`)));
    const unclassified = [...inSchema].filter((name) => !listed.has(name));
    const gone = [...listed].filter((name) => !inSchema.has(name));
    expect({
      unclassified: unclassified.map(
        (name) =>
          `${name}: classify it in SCHEMA in libs/api/leads/test/erasure.spec.ts — does it hold a person's data, and what does erasure do with it?`,
      ),
      gone: gone.map((name) => `${name}: no longer in the schema — remove it from SCHEMA in libs/api/leads/test/erasure.spec.ts`),
    }).toEqual({ unclassified: [], gone: [] });
  });

  it('erasing a person leaves none of their words, numbers or addresses anywhere in the database, and keeps them countable', async () => {
    const phone = newPhone();
    const guardianPhone = newPhone();
    const sourceUrl = 'https://guides.example.in/online-mba-for-commerce-graduates?from=ramaswamy-family';
    const referrer = 'https://mail.example.in/inbox/sanjana-ramaswamy';
    const first = inquiry({
      fullName: 'Sanjana Ramaswamy',
      phone,
      email: 'sanjana.r@example.in',
      city: 'Kuvempunagar',
      courseInterest: 'Online MBA',
      message: 'I work night shifts at a call centre, please call after 6',
      consent: { whatsapp: true, marketing: true },
      sourceUrl,
      referrer,
      utm: { source: 'google', medium: 'cpc', campaign: 'spring-mba', term: 'mba for sanjana', content: 'ramaswamy-ad' },
      minor: true,
      guardian: { fullName: 'Venkatesh Ramaswamy', phone: guardianPhone, consent: true },
    });
    await submitInquiry(t, first).then((r) => expect(r.status).toBe(201));
    await submitInquiry(
      t,
      { ...first, phone: `+91 ${phone.slice(0, 5)} ${phone.slice(5)}`, message: 'Also asking about the Canara Bank education loan' },
      { 'Idempotency-Key': 'retry-7f3a' },
    ).then((r) => expect(r.status).toBe(201));
    const { id } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${phone}`]);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: priya.id }).expect(200);
    const lead = (await request(t.http).get(`/api/leads/${id}`).set(priya.auth).expect(200)).body;
    await request(t.http)
      .patch(`/api/leads/${id}`)
      .set(priya.auth)
      .send({ qualification: 'BCom, Maharaja College', experienceYears: 2, budgetPaise: 15_000_000, version: lead.version })
      .expect(200);
    await request(t.http).post(`/api/leads/${id}/notes`).set(priya.auth).send({ text: 'Her father Venkatesh runs a pharmacy' }).expect(201);
    await request(t.http)
      .post(`/api/leads/${id}/calls`)
      .set(priya.auth)
      .send({ outcome: 'connected', note: 'Discussed the Canara Bank loan' })
      .expect(201);
    await request(t.http).post(`/api/leads/${id}/whatsapp`).set(priya.auth).send({ text: 'Sent the brochure to Sanjana' }).expect(201);
    const { version } = (await request(t.http).get(`/api/leads/${id}`).set(priya.auth)).body;
    await request(t.http)
      .post(`/api/leads/${id}/status`)
      .set(priya.auth)
      .send({ status: 'contacted', note: 'Wants a weekend batch because of her night shifts', version })
      .expect(200);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const done = await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: id, title: 'Send Sanjana the loan papers', dueAt: due })
      .expect(201);
    await request(t.http).patch(`/api/tasks/${done.body.id}`).set(priya.auth).send({ done: true }).expect(200);
    await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: id, title: 'Call Sanjana about the Canara loan', dueAt: due })
      .expect(201);
    // A colleague asks for the lead; the manager declines; consent withdrawn by phone, with notes that name her family.
    const rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    const transfer = await request(t.http)
      .post(`/api/leads/${id}/transfer-requests`)
      .set(rahul.auth)
      .send({ note: 'Sanjana met me at the Jaipur campus fair' })
      .expect(201);
    await request(t.http)
      .post(`/api/transfer-requests/${transfer.body.id}/decline`)
      .set(manager.auth)
      .send({ note: 'Priya knows Venkatesh already' })
      .expect(200);
    const current = (await request(t.http).get(`/api/leads/${id}`).set(priya.auth)).body;
    await request(t.http)
      .post(`/api/leads/${id}/consent`)
      .set(priya.auth)
      .send({ whatsapp: false, channel: 'phone', note: 'Venkatesh asked us to use email only', version: current.version })
      .expect(200);
    // She had also written from a second phone: that lead was merged into this one (its phone kept as an alternate).
    const secondPhone = newPhone();
    await submitInquiry(t, inquiry({ fullName: 'Sanjana R', phone: secondPhone, consent: { whatsapp: false, marketing: false } })).expect(201);
    const second = await queryOne<{ id: string; version: number }>(t.dataSource, `SELECT id, version FROM leads WHERE phone = $1`, [
      `+91${secondPhone}`,
    ]);
    const beforeMerge = (await request(t.http).get(`/api/leads/${id}`).set(manager.auth)).body;
    await request(t.http)
      .post(`/api/leads/${id}/merge`)
      .set(manager.auth)
      .send({ otherId: second.id, version: beforeMerge.version, otherVersion: second.version })
      .expect(200);
    // What the privacy area writes (its own tests go through its API): a rights request in her words, a code sent to her guardian.
    const [dataRequest] = await t.dataSource.query(
      `INSERT INTO data_requests (reference, kind, verification, phone, lead_id, message, nominee)
       VALUES ('DR-K7M2P9QX', 'nomination', 'whatsapp', $1, $2, 'Please let Venkatesh act for me after the night shifts', $3) RETURNING id`,
      [`+91${phone}`, id, JSON.stringify({ name: 'Venkatesh Ramaswamy', phone: `+91${guardianPhone}` })],
    );
    await t.dataSource.query(
      `INSERT INTO verification_codes (lead_id, code_hash, sent_via, expires_at) VALUES ($1, 'x', 'whatsapp', now() + interval '15 minutes')`,
      [id],
    );
    await t.dataSource.query(
      `INSERT INTO verification_codes (data_request_id, code_hash, sent_via, expires_at) VALUES ($1, 'x', 'whatsapp', now() + interval '15 minutes')`,
      [dataRequest.id],
    );
    // What the shortlist, comparison and export areas write about a lead (their own tests go through their APIs).
    const { id: universityId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO universities (name, city) VALUES ('Erasure Test University', 'Jaipur') RETURNING id`,
    );
    const { id: programId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online MBA', 'PG') RETURNING id`,
      [universityId],
    );
    await t.dataSource.query(
      `INSERT INTO shortlist_items (lead_id, program_id, rank, note, added_by) VALUES ($1, $2, 1, 'Sanjana likes the Jaipur campus', $3)`,
      [id, programId, priya.id],
    );
    const token = 'erasureTestToken_0123456789abcdef';
    await t.dataSource.query(
      `INSERT INTO comparisons (lead_id, token, snapshot, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + interval '30 days')`,
      [id, token, JSON.stringify({ firstName: 'Sanjana', advisorName: 'Priya Sharma', createdAt: new Date().toISOString(), programs: [] }), priya.id],
    );
    await t.dataSource.query(`INSERT INTO activities (lead_id, type, author_id, data) VALUES ($1, 'comparison', $2, $3)`, [
      id,
      priya.id,
      JSON.stringify({ url: `https://desk.example.in/c/${token}` }),
    ]);
    // What the applications area writes: an application with the university's number and a note, a document's
    // file (its bytes in PostgreSQL), a payment's reference, the student's upload link.
    const { id: applicationId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO applications (lead_id, program_id, session, university_application_no, note) VALUES ($1, $2, '2026-27', 'EU/Sanjana/77', 'Venkatesh pays the fee') RETURNING id`,
      [id, programId],
    );
    const { id: fileId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO stored_files (content_type, size, sha256) VALUES ('application/pdf', 41, sha256('Sanjana Ramaswamy, Aadhaar 4821 7730 1946')) RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO stored_file_chunks (file_id, n, data) VALUES ($1, 0, convert_to('Sanjana Ramaswamy, Aadhaar 4821 7730 1946', 'UTF8'))`,
      [fileId],
    );
    await t.dataSource.query(
      `INSERT INTO application_documents (application_id, position, kind, label, required, status, file_id, file_name, content_type, size, uploaded_at, uploaded_via, note)
       VALUES ($1, 0, 'id_proof', 'ID proof', true, 'rejected', $2, 'Sanjana Aadhaar.pdf', 'application/pdf', 41, now(), 'student', 'Venkatesh''s name is cut off')`,
      [applicationId, fileId],
    );
    await t.dataSource.query(
      `INSERT INTO payments (application_id, kind, amount_paise, paid_at, reference) VALUES ($1, 'tuition', 100, '2026-11-01', 'Canara Bank UTR 5521')`,
      [applicationId],
    );
    await t.dataSource.query(
      `INSERT INTO upload_links (application_id, token, expires_at) VALUES ($1, 'erasureUploadToken_0123456789', now() + interval '7 days')`,
      [applicationId],
    );
    await t.dataSource.query(`INSERT INTO exports (user_id, filters, row_count) VALUES ($1, $2, 1), ($1, $3, 1), ($1, $4, 7)`, [
      manager.id,
      JSON.stringify({ q: `${phone.slice(0, 5)} ${phone.slice(5)}` }),
      JSON.stringify({ email: ['sanjana.r@example.in'], status: 'new' }),
      JSON.stringify({ utmCampaign: 'spring-mba' }),
    ]);
    await t.dataSource.query(
      `INSERT INTO saved_views (user_id, name, resource, query) VALUES ($1, 'Her lead', 'leads', $2), ($1, 'Spring MBA', 'leads', 'utmCampaign=spring-mba')`,
      [manager.id, new URLSearchParams({ q: `${phone.slice(0, 5)} ${phone.slice(5)}`, status: 'new' }).toString()],
    );

    const personal = [
      'Sanjana',
      'Ramaswamy',
      'sanjana.r@example.in',
      'Venkatesh',
      'Kuvempunagar',
      'night shifts',
      'Canara',
      'pharmacy',
      'Maharaja College',
      'Jaipur campus',
      'loan papers',
      'brochure',
      sourceUrl,
      referrer,
      token,
    ];
    const digits = [phone, guardianPhone, secondPhone];

    /** Every text, JSON and array column of every table, searched for the person's words and numbers. */
    async function whereThePersonRemains(): Promise<string[]> {
      const searchable = (await schemaColumns()).filter((c) => ['text', 'character varying', 'jsonb', 'json', 'ARRAY'].includes(c.type));
      const found: string[] = [];
      for (const { table, column } of searchable) {
        const hit = await queryOne<{ needles: string[] | null }>(
          t.dataSource,
          `SELECT array_remove(ARRAY[${personal.map((_, i) => `CASE WHEN bool_or(strpos(lower("${column}"::text), lower($${i + 1})) > 0) THEN $${i + 1} END`).join(', ')},
                                     ${digits.map((_, i) => `CASE WHEN bool_or(strpos(regexp_replace("${column}"::text, '\\D', '', 'g'), $${personal.length + i + 1}) > 0) THEN $${personal.length + i + 1} END`).join(', ')}], NULL) AS needles
             FROM "${table}"`,
          [...personal, ...digits],
        );
        for (const needle of hit.needles ?? []) found.push(`${table}.${column}: ${needle}`);
      }
      return found;
    }
    /** The columns classified `cleared` that still hold something for the lead, and `deleted` tables that still have its rows. */
    async function notYetErased(): Promise<string[]> {
      const found: string[] = [];
      for (const [table, columns] of Object.entries(SCHEMA)) {
        const theirs = PERSON_ROWS[table] ?? ('lead_id' in columns ? 'lead_id = $1' : null);
        if (!theirs) continue;
        for (const [column, handling] of Object.entries(columns)) {
          if (handling !== 'cleared' && (handling !== 'deleted' || column !== Object.keys(columns)[0])) continue;
          const { n } = await queryOne<{ n: number }>(
            t.dataSource,
            `SELECT count(*)::int AS n FROM "${table}" WHERE ${theirs} AND ${handling === 'cleared' ? `"${column}" IS NOT NULL` : 'TRUE'}`,
            [id],
          );
          if (n > 0) found.push(handling === 'cleared' ? `${table}.${column}` : `${table} rows`);
        }
      }
      return found;
    }
    // Both checks find the person before erasure, so their silence afterwards means something.
    expect(await notYetErased()).toEqual(
      expect.arrayContaining([
        'leads.phone',
        'leads.consent_source',
        'leads.guardian_name',
        'inquiries.source_url',
        'inquiries.idempotency_key',
        'shortlist_items.note',
        'comparisons rows',
        'idempotency_keys rows',
        'lead_transfer_requests.note',
        'lead_transfer_requests.resolution_note',
        'applications.university_application_no',
        'applications.note',
        'application_documents.file_name',
        'application_documents.note',
        'payments.reference',
        'stored_files rows',
        'stored_file_chunks rows',
        'upload_links rows',
        'notifications rows',
        'data_requests.phone',
        'data_requests.message',
        'data_requests.nominee',
        'verification_codes rows',
      ]),
    );
    const before = await whereThePersonRemains();
    for (const where of [
      'leads.full_name: Sanjana',
      'leads.guardian_phone: ' + guardianPhone,
      'inquiries.payload: Canara',
      'activities.data: night shifts',
      'tasks.title: loan papers',
      'shortlist_items.note: Jaipur campus',
      'comparisons.snapshot: Sanjana',
      'exports.filters: ' + phone,
      'saved_views.query: ' + phone,
      'leads.consent_source: ' + sourceUrl,
      'leads.alternate_phones: ' + secondPhone,
      'data_requests.message: night shifts',
      'data_requests.nominee: ' + guardianPhone,
    ]) {
      expect(before).toContain(where);
    }

    await request(t.http).post(`/api/leads/${id}/erase`).set(manager.auth).expect(200);

    expect(await whereThePersonRemains()).toEqual([]);
    expect(await notYetErased()).toEqual([]);
    const kept = await queryOne<{ status: string; source: string; utmCampaign: string | null; advisorId: string | null; maxStage: number }>(
      t.dataSource,
      `SELECT status, source, utm_campaign AS "utmCampaign", advisor_id AS "advisorId", max_stage AS "maxStage" FROM leads WHERE id = $1`,
      [id],
    );
    expect(kept).toEqual({ status: 'contacted', source: 'website', utmCampaign: 'spring-mba', advisorId: priya.id, maxStage: 1 });
    const timeline = (await request(t.http).get(`/api/leads/${id}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline.find((a) => a.type === 'status_change')?.data).toEqual({ from: 'new', to: 'contacted', erased: true });
    const tasks = await queryRows<{ title: string; done: boolean }>(
      t.dataSource,
      `SELECT title, done_at IS NOT NULL AS done FROM tasks WHERE lead_id = $1`,
      [id],
    );
    expect(tasks).toEqual([{ title: 'Follow up', done: true }]);
    const exportLog = await queryRows<{ filters: Record<string, unknown> }>(
      t.dataSource,
      `SELECT filters FROM exports ORDER BY row_count, filters::text`,
    );
    expect(await queryRows<{ name: string }>(t.dataSource, `SELECT name FROM saved_views`)).toEqual([{ name: 'Spring MBA' }]);
    expect(exportLog.map((e) => e.filters)).toEqual(
      expect.arrayContaining([{ q: 'erased' }, { email: 'erased', status: 'new' }, { utmCampaign: 'spring-mba' }]),
    );
  });

  it("an erased person's unsubscribe link no longer answers, and their lead page offers none", async () => {
    const body = inquiry({ fullName: 'Nikhil Bose', consent: { whatsapp: true, marketing: true } });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const { id, token } = await queryOne<{ id: string; token: string }>(
      t.dataSource,
      `SELECT id, unsubscribe_token AS token FROM leads WHERE phone = $1`,
      [`+91${body.phone}`],
    );
    const before = (await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body;
    expect(before.unsubscribeUrl).toBe(`https://desk.example.in/api/public/unsubscribe/${token}`);
    await request(t.http).post(`/api/leads/${id}/erase`).set(manager.auth).expect(200);
    const after = await request(t.http).get(`/api/leads/${id}`).set(manager.auth);
    expect(JSON.stringify(after.body)).not.toContain(token);
    await request(t.http).post(`/api/public/unsubscribe/${token}`).send({}).expect(404);
  });
});
