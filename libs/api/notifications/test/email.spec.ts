import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { EmailJobs, NotificationsModule } from '../src';
import { startSmtpStandIn as startSmtp } from '../src/testing';
import { lead } from './support';

describe('email: chosen kinds and the 08:00 digest, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let jobs: EmailJobs;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp([LeadsModule, NotificationsModule], {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'AdvisorDesk <desk@example.in>',
      PUBLIC_URL: 'https://desk.example.in',
    });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    jobs = t.app.get(EmailJobs);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends by email only the kinds a user chose, once, with a link to the lead', async () => {
    const settings = (await request(t.http).get('/api/me/notification-settings').set(priya.auth).expect(200)).body;
    expect(settings.emailConnected).toBe(true);
    const { emailConnected: _connected, ...choice } = settings;
    await request(t.http)
      .put('/api/me/notification-settings')
      .set(priya.auth)
      .send({ ...choice, email: { ...choice.email, 'lead.assigned': true } })
      .expect(200);
    const id = await lead(t, manager, priya, 'Kavya Iyer');
    await lead(t, manager, rahul, 'Rohan Mehta');
    smtp.mails.length = 0;
    expect(await jobs.sendChosen()).toBe(1);
    expect(await jobs.sendChosen()).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.subject).toBe('New lead: Kavya Iyer');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(priya.email);
    expect(mail.from?.text).toContain('desk@example.in');
    expect(mail.text).toContain(`https://desk.example.in/leads/${id}`);
    expect(mail.html).toContain(`https://desk.example.in/leads/${id}`);
  });

  it("the digest: at 08:00 each user's follow-ups of the day and the overdue ones, once a day, with a link that stops it", async () => {
    const day = (await t.dataSource.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Kolkata')::date, 'YYYY-MM-DD') AS d`))[0].d as string;
    const sneha = await lead(t, manager, priya, 'Sneha Pillai');
    const arjun = await lead(t, manager, priya, 'Arjun Rao');
    const done = await lead(t, manager, priya, 'Done Lead');
    const todayAt = (hhmm: string) => `${day}T${hhmm}:00+05:30`;
    await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: sneha, title: 'Send the MBA fee breakdown', dueAt: todayAt('23:30') })
      .expect(201);
    const overdue = (
      await request(t.http)
        .post('/api/tasks')
        .set(priya.auth)
        .send({ leadId: arjun, title: 'Call back about EMI', dueAt: todayAt('00:30') })
        .expect(201)
    ).body;
    await t.dataSource.query(`UPDATE tasks SET due_at = due_at - interval '1 day' WHERE id = $1`, [overdue.id]);
    const closed = (
      await request(t.http)
        .post('/api/tasks')
        .set(priya.auth)
        .send({ leadId: done, title: 'Already done', dueAt: todayAt('23:00') })
        .expect(201)
    ).body;
    await request(t.http).patch(`/api/tasks/${closed.id}`).set(priya.auth).send({ done: true }).expect(200);
    const tomorrow = await lead(t, manager, rahul, 'Tomorrow Lead');
    await request(t.http)
      .post('/api/tasks')
      .set(rahul.auth)
      .send({ leadId: tomorrow, title: 'Not today', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() })
      .expect(201);

    smtp.mails.length = 0;
    await jobs.sendDigests(day);
    await jobs.sendDigests(day);
    const toPriya = smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === priya.email);
    expect(toPriya).toHaveLength(1);
    expect(smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === rahul.email)).toHaveLength(0);
    const [digest] = toPriya;
    expect(digest.subject).toBe('Today: 1 follow-up, 1 overdue');
    expect(digest.text).toContain('Sneha Pillai: Send the MBA fee breakdown');
    expect(digest.text).toMatch(/Overdue since .* — Arjun Rao: Call back about EMI/);
    expect(digest.text).not.toContain('Already done');
    expect(digest.html).toContain('Sneha Pillai');
    const unsubscribe = /Stop this digest: (\S+)/.exec(digest.text ?? '')?.[1] ?? '';
    expect(unsubscribe).toMatch(/^https:\/\/desk\.example\.in\/api\/public\/digest\/[0-9a-f]{64}\/unsubscribe$/);
    expect(digest.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(unsubscribe);
    expect(digest.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('List-Unsubscribe=One-Click');

    const path = unsubscribe.replace('https://desk.example.in', '');
    // Opening the link asks; only the POST (the button, or a mail client's one-click) stops it.
    await request(t.http).get(path).expect(200);
    expect((await request(t.http).get('/api/me/notification-settings').set(priya.auth)).body.digest).toBe(true);
    await request(t.http).post(path).expect(200);
    expect((await request(t.http).get('/api/me/notification-settings').set(priya.auth)).body.digest).toBe(false);
    await request(t.http)
      .post(path.replace(/[0-9a-f]{64}/, 'f'.repeat(64)))
      .expect(404);
    await t.dataSource.query(`DELETE FROM digests_sent`);
    smtp.mails.length = 0;
    await jobs.sendDigests(day);
    expect(smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === priya.email)).toHaveLength(0);
  });
});
