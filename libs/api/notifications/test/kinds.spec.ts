import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { ApplicationsModule } from '@advisordesk/api-applications';
import { NotificationsModule, RemindersJob } from '../src';
import { lead, notificationsOf } from './support';

describe('each kind of notification, raised once for the right user', () => {
  let t: TestApp;
  let manager: SignedIn;
  let admin: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let reminders: RemindersJob;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ApplicationsModule, NotificationsModule], {
      FIRST_CONTACT_SLA_MINUTES: '60',
      PUBLIC_URL: 'https://desk.example.in',
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Arjun Admin');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    reminders = t.app.get(RemindersJob);
    // Every day, all day: the SLA in these tests is wall-clock time (working hours have their own tests).
    await t.dataSource.query(
      `UPDATE app_settings SET value = '{"days": [1, 2, 3, 4, 5, 6, 7], "start": "00:00", "end": "23:59"}' WHERE key = 'working_hours'`,
    );
  });
  afterAll(() => t.close());

  const stored = async (who: SignedIn, leadId: string) =>
    (
      await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND lead_id = $2`, [
        who.id,
        leadId,
      ])
    ).n;
  const kinds = async (who: SignedIn, leadId: string) => (await notificationsOf(t, who)).filter((n) => n.leadId === leadId).map((n) => n.kind);

  it("lead.assigned: to the advisor a manager assigns, not to the manager; a reassigned lead leaves the first advisor's bell", async () => {
    const id = await lead(t, manager, priya, 'Kavya Iyer');
    const [mine] = (await notificationsOf(t, priya)).filter((n) => n.leadId === id);
    expect(mine).toMatchObject({ kind: 'lead.assigned', title: 'New lead: Kavya Iyer', link: `/leads/${id}`, readAt: null });
    expect(await kinds(manager, id)).toEqual([]);
    expect(await kinds(rahul, id)).toEqual([]);
    // (The assignment rule may have given the new lead to Rahul first: count what this assignment adds.)
    const rahulsBefore = await stored(rahul, id);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: rahul.id }).expect(200);
    expect(await stored(rahul, id)).toBe(rahulsBefore + 1);
    expect(await kinds(rahul, id)).toEqual(Array(rahulsBefore + 1).fill('lead.assigned'));
    // Priya may not see the lead any more: nor what the bell said about it.
    expect(await kinds(priya, id)).toEqual([]);
    // An advisor's own new lead is theirs without a notification.
    const own = await lead(t, priya);
    expect(await kinds(priya, own)).toEqual([]);
  });

  it('a website inquiry assigned by the rule notifies its advisor once, also when it is submitted twice', async () => {
    const phone = `97${String(Date.now()).slice(-8)}`;
    const body = { fullName: 'Rohan Mehta', phone, consent: { whatsapp: false, marketing: false } };
    await request(t.http).post('/api/public/inquiries').send(body).expect(201);
    await request(t.http).post('/api/public/inquiries').send(body).expect(201);
    const { id, advisorId } = await queryOne<{ id: string; advisorId: string }>(
      t.dataSource,
      `SELECT id, advisor_id AS "advisorId" FROM leads WHERE phone = $1`,
      [`+91${phone}`],
    );
    const owner = advisorId === priya.id ? priya : rahul;
    expect(await kinds(owner, id)).toEqual(['lead.assigned']);
  });

  it('follow-ups: due in 15 minutes and overdue, once each, for their owner; moved, announced again for the new time; none when done or erased', async () => {
    const id = await lead(t, manager, priya, 'Sneha Pillai');
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const task = (await request(t.http).post('/api/tasks').set(priya.auth).send({ leadId: id, title: 'Call about the fee', dueAt: soon }).expect(201))
      .body;
    await reminders.run();
    await reminders.run();
    expect(await kinds(priya, id)).toEqual(['followup.due', 'lead.assigned']);
    // Moved to tomorrow: nothing now; due again when tomorrow comes near.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send({ dueAt: tomorrow }).expect(200);
    await reminders.run();
    expect((await kinds(priya, id)).filter((k) => k === 'followup.due')).toHaveLength(1);
    await t.dataSource.query(`UPDATE tasks SET due_at = now() + interval '5 minutes' WHERE id = $1`, [task.id]);
    await reminders.run();
    expect((await kinds(priya, id)).filter((k) => k === 'followup.due')).toHaveLength(2);
    // Past due: overdue once.
    await t.dataSource.query(`UPDATE tasks SET due_at = now() - interval '5 minutes' WHERE id = $1`, [task.id]);
    await reminders.run();
    await reminders.run();
    expect((await kinds(priya, id)).filter((k) => k === 'followup.overdue')).toHaveLength(1);
    expect(await kinds(rahul, id)).toEqual([]);

    const done = (await request(t.http).post('/api/tasks').set(priya.auth).send({ leadId: id, title: 'Done already', dueAt: soon }).expect(201)).body;
    await request(t.http).patch(`/api/tasks/${done.id}`).set(priya.auth).send({ done: true }).expect(200);
    const erasedLead = await lead(t, manager, priya, 'Erased Person');
    await request(t.http).post('/api/tasks').set(priya.auth).send({ leadId: erasedLead, title: 'Call', dueAt: soon }).expect(201);
    await request(t.http).post(`/api/leads/${erasedLead}/erase`).set(manager.auth).expect(200);
    const before = (await notificationsOf(t, priya)).length;
    await reminders.run();
    const after = await notificationsOf(t, priya);
    expect(after.length).toBe(before);
    expect(after.map((n) => n.body)).not.toContain('Done already');
  });

  it("application.deadline 3 days before, once; document.uploaded when the student uploads; whatsapp.reply; each to the lead's advisor", async () => {
    const id = await lead(t, manager, rahul, 'Farhan Ali');
    const { id: universityId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO universities (name) VALUES ('Amity University Online') RETURNING id`,
    );
    const { id: programId } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO programs (university_id, name, level) VALUES ($1, 'Online MCA', 'PG') RETURNING id`,
      [universityId],
    );
    const inThreeDays = (
      await queryOne<{ d: string }>(t.dataSource, `SELECT to_char((now() AT TIME ZONE 'Asia/Kolkata')::date + 3, 'YYYY-MM-DD') AS d`)
    ).d;
    const app = (
      await request(t.http)
        .post(`/api/leads/${id}/applications`)
        .set(rahul.auth)
        .send({ programId, session: '2026-27', deadline: inThreeDays })
        .expect(201)
    ).body;
    await reminders.run();
    await reminders.run();
    expect(await kinds(rahul, id)).toEqual(['application.deadline', 'lead.assigned']);

    const link = (await request(t.http).post(`/api/applications/${app.id}/upload-link`).set(rahul.auth).expect(201)).body;
    const [doc] = (await request(t.http).get(`/api/applications/${app.id}/documents`).set(rahul.auth).expect(200)).body;
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    await request(t.http).put(`/api/public/uploads/${link.token}/${doc.id}`).attach('file', photo, 'photo.jpg').expect(200);
    // The advisor's own upload from the panel tells nobody.
    await request(t.http).put(`/api/applications/${app.id}/documents/${doc.id}/file`).set(rahul.auth).attach('file', photo, 'again.jpg').expect(200);
    const uploaded = (await notificationsOf(t, rahul)).filter((n) => n.kind === 'document.uploaded');
    expect(uploaded.map((n) => n.title)).toEqual([`Farhan Ali uploaded ${doc.label}`]);

    await t.dataSource.query(
      `INSERT INTO whatsapp_messages (lead_id, direction, kind, text, status) VALUES ($1, 'in', 'text', 'Is the MCA fee payable in EMIs?', 'read')`,
      [id],
    );
    const [reply] = (await notificationsOf(t, rahul)).filter((n) => n.kind === 'whatsapp.reply');
    expect(reply).toMatchObject({ title: 'Farhan Ali replied on WhatsApp', body: 'Is the MCA fee payable in EMIs?' });
    for (const other of [priya, manager]) expect(await kinds(other, id)).toEqual([]);
  });

  it('lead.uncontacted: a new lead past the SLA is announced once to every manager and admin, not to advisors; a contacted one never', async () => {
    const late = await lead(t, manager, priya, 'Late Lead');
    const contacted = await lead(t, manager, priya, 'Called Lead');
    await t.dataSource.query(`UPDATE leads SET created_at = now() - interval '61 minutes' WHERE id = ANY($1)`, [[late, contacted]]);
    await request(t.http).post(`/api/leads/${contacted}/calls`).set(priya.auth).send({ outcome: 'connected' }).expect(201);
    await reminders.run();
    await reminders.run();
    for (const boss of [manager, admin]) {
      expect(await kinds(boss, late)).toEqual(['lead.uncontacted']);
      expect(await kinds(boss, contacted)).toEqual([]);
    }
    expect((await notificationsOf(t, priya)).filter((n) => n.kind === 'lead.uncontacted')).toEqual([]);
    const fresh = await lead(t, manager, priya, 'Fresh Lead');
    await reminders.run();
    expect(await kinds(manager, fresh)).toEqual([]);
  });

  it('a lead another transaction holds (an import, a bulk action) gets its first-contact due time the next minute: the job never waits for it', async () => {
    const held = await lead(t, manager, priya, 'Held Lead');
    const free = await lead(t, manager, priya, 'Free Lead');
    await t.dataSource.query(`UPDATE leads SET first_contact_due_at = NULL WHERE id = ANY($1)`, [[held, free]]);
    const dueOf = async (id: string) =>
      (await queryOne<{ due: Date | null }>(t.dataSource, `SELECT first_contact_due_at AS due FROM leads WHERE id = $1`, [id])).due;
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT 1 FROM leads WHERE id = $1 FOR UPDATE`, [held]);
      await reminders.run();
      expect(await dueOf(free)).toBeInstanceOf(Date);
      expect(await dueOf(held)).toBeNull();
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await reminders.run();
    expect(await dueOf(held)).toBeInstanceOf(Date);
  });

  it("unread, mark one and mark all read; preferences take kinds out of the bell; only the user's own", async () => {
    const a = await lead(t, manager, priya, 'Read One');
    const b = await lead(t, manager, priya, 'Read Two');
    const unread = await request(t.http).get('/api/notifications?unread=true').set(priya.auth).expect(200);
    const count = Number(unread.headers['x-total-count']);
    const first = unread.body.find((n: { leadId: string }) => n.leadId === a);
    await request(t.http)
      .post('/api/notifications/read')
      .set(rahul.auth)
      .send({ ids: [first.id] })
      .expect(200, { read: 0 });
    await request(t.http)
      .post('/api/notifications/read')
      .set(priya.auth)
      .send({ ids: [first.id] })
      .expect(200, { read: 1 });
    expect(Number((await request(t.http).get('/api/notifications?unread=true').set(priya.auth)).headers['x-total-count'])).toBe(count - 1);
    await request(t.http).post('/api/notifications/read').set(priya.auth).send({}).expect(200);
    expect(Number((await request(t.http).get('/api/notifications?unread=true').set(priya.auth)).headers['x-total-count'])).toBe(0);

    const settings = (await request(t.http).get('/api/me/notification-settings').set(priya.auth).expect(200)).body;
    expect(settings).toMatchObject({ digest: true, emailConnected: false });
    expect(settings.bell['lead.uncontacted']).toBe(false);
    await request(t.http)
      .put('/api/me/notification-settings')
      .set(priya.auth)
      .send({ ...settings, emailConnected: undefined, bell: { ...settings.bell, 'lead.assigned': false } })
      .expect(200);
    expect((await notificationsOf(t, priya)).filter((n) => n.leadId === b)).toEqual([]);
    const bad = await request(t.http)
      .put('/api/me/notification-settings')
      .set(priya.auth)
      .send({ bell: { ...settings.bell, 'lead.assigned': 'yes' }, email: settings.email, digest: true })
      .expect(400);
    expect(JSON.stringify(bad.body.fields)).toContain('lead.assigned');
  });

  it('working hours: admins change them, managers read them, advisors neither; a day that ends before it starts is refused', async () => {
    const current = (await request(t.http).get('/api/settings/working-hours').set(manager.auth).expect(200)).body;
    expect(current.firstContactSlaMinutes).toBe(60);
    await request(t.http).get('/api/settings/working-hours').set(priya.auth).expect(403);
    await request(t.http)
      .put('/api/settings/working-hours')
      .set(manager.auth)
      .send({ days: [1], start: '09:00', end: '18:00' })
      .expect(403);
    const saved = await request(t.http)
      .put('/api/settings/working-hours')
      .set(admin.auth)
      .send({ days: [6, 1, 2], start: '09:30', end: '18:00' })
      .expect(200);
    expect(saved.body).toMatchObject({ days: [1, 2, 6], start: '09:30', end: '18:00' });
    for (const [body, field] of [
      [{ days: [1], start: '18:00', end: '09:00' }, 'end'],
      [{ days: [0, 8], start: '09:00', end: '18:00' }, 'days'],
      [{ days: [], start: '09:00', end: '18:00' }, 'days'],
      [{ days: [1], start: '9am', end: '18:00' }, 'start'],
      [{ days: [1, 1], start: '09:00', end: '18:00' }, 'days'],
    ] as const) {
      const refused = await request(t.http).put('/api/settings/working-hours').set(admin.auth).send(body).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    await request(t.http)
      .put('/api/settings/working-hours')
      .set(admin.auth)
      .send({ days: current.days, start: current.start, end: current.end })
      .expect(200);
  });

  it('speed to lead in working hours: a Saturday 19:30 inquiry is due on Monday at 09:30, and announced only once that has passed (within a day)', async () => {
    await t.dataSource.query(
      `UPDATE app_settings SET value = '{"days": [1, 2, 3, 4, 5, 6], "start": "09:00", "end": "20:00"}' WHERE key = 'working_hours'`,
    );
    try {
      // The last Saturday at least two days ago, 19:30 in India.
      const { saturday } = await queryOne<{ saturday: string }>(
        t.dataSource,
        `SELECT to_char(d, 'YYYY-MM-DD') AS saturday FROM generate_series((now() AT TIME ZONE 'Asia/Kolkata')::date - 2, (now() AT TIME ZONE 'Asia/Kolkata')::date - 8, interval '-1 day') AS d
          WHERE extract(isodow FROM d) = 6 LIMIT 1`,
      );
      const id = await lead(t, manager, priya, 'Weekend Lead');
      await t.dataSource.query(`UPDATE leads SET created_at = $2::timestamp AT TIME ZONE 'Asia/Kolkata' WHERE id = $1`, [id, `${saturday} 19:30`]);
      await reminders.run();
      const { due, past } = await queryOne<{ due: string; past: boolean }>(
        t.dataSource,
        `SELECT to_char(first_contact_due_at AT TIME ZONE 'Asia/Kolkata', 'Dy HH24:MI') AS due,
                first_contact_due_at <= now() AND first_contact_due_at > now() - interval '1 day' AS past FROM leads WHERE id = $1`,
        [id],
      );
      // 30 minutes on Saturday, none on Sunday, 30 on Monday. Announced once past (a breach older than a day is history, not news).
      expect(due).toBe('Mon 09:30');
      expect(await kinds(manager, id)).toEqual(past ? ['lead.uncontacted'] : []);
      const lead_ = (await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body;
      expect(lead_.firstContactDueAt).not.toBeNull();
    } finally {
      await t.dataSource.query(
        `UPDATE app_settings SET value = '{"days": [1, 2, 3, 4, 5, 6, 7], "start": "00:00", "end": "23:59"}' WHERE key = 'working_hours'`,
      );
    }
  });
});
