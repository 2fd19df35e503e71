import { createHash } from 'node:crypto';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { UPLOAD_MAX_BYTES } from '@advisordesk/shared';
import { ApplicationsModule } from '../src';
import { OrphanFilesJob } from '../src/files/orphan-files.job';
import { binary, files, leadOf, program } from './support';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('documents: uploads by type and size, downloads, review, the student upload link, erasure', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ApplicationsModule], { PUBLIC_URL: 'https://desk.example.in', INQUIRY_RATE_LIMIT: '1000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Nair');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
  });
  afterAll(() => t.close());

  /** An application of a lead of Priya's, with its checklist. */
  async function application(fullName = 'Ananya Gupta') {
    const mba = await program(t);
    const leadId = await leadOf(t, manager, priya, fullName);
    const app = (await request(t.http).post(`/api/leads/${leadId}/applications`).set(priya.auth).send({ programId: mba.id }).expect(201)).body;
    const documents = (await request(t.http).get(`/api/applications/${app.id}/documents`).set(priya.auth).expect(200)).body as {
      id: string;
      label: string;
    }[];
    return { leadId, id: app.id as string, documents };
  }
  const upload = (who: SignedIn, appId: string, docId: string, bytes: Buffer, name: string) =>
    request(t.http).put(`/api/applications/${appId}/documents/${docId}/file`).set(who.auth).attach('file', bytes, name);
  const download = (who: SignedIn, appId: string, docId: string) =>
    request(t.http).get(`/api/applications/${appId}/documents/${docId}/file`).set(who.auth).buffer(true).parse(binary);

  it('takes a PDF, a JPEG and a PNG by their bytes and gives back the identical bytes as an attachment', async () => {
    const app = await application();
    const cases = [
      { bytes: files.pdf(), sent: 'marksheet 12th.PDF', type: 'application/pdf', kept: 'marksheet 12th.pdf' },
      { bytes: files.jpeg(), sent: 'IMG_2041.jpeg', type: 'image/jpeg', kept: 'IMG_2041.jpg' },
      { bytes: files.png(), sent: 'C:\\fakepath\\passport <photo>.png', type: 'image/png', kept: 'passport photo.png' },
    ];
    for (const [index, c] of cases.entries()) {
      const doc = app.documents[index];
      const uploaded = await upload(priya, app.id, doc.id, c.bytes, c.sent).expect(200);
      expect(uploaded.body).toMatchObject({ status: 'uploaded', contentType: c.type, size: c.bytes.length, fileName: c.kept, uploadedVia: 'staff' });
      const got = await download(priya, app.id, doc.id).expect(200);
      expect(sha(got.body as Buffer)).toBe(sha(c.bytes));
      expect(got.headers['content-type']).toBe(c.type);
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename="/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }
    // A file of several chunks is stored in pieces and comes back whole.
    const chunks = await queryOne<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM stored_file_chunks c JOIN application_documents d ON d.file_id = c.file_id WHERE d.id = $1`,
      [app.documents[0].id],
    );
    expect(chunks.n).toBe(3);
    const view = (await request(t.http).get(`/api/applications/${app.id}`).set(priya.auth).expect(200)).body;
    expect(view.documentsToReview).toBe(3);
  });

  it('refuses by content: a renamed program, an HTML page, an empty file (415 naming what it is), 10 MB + 1 byte (413); nothing is stored', async () => {
    const app = await application();
    const doc = app.documents[0];
    const before = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM stored_files`);
    const exe = await upload(priya, app.id, doc.id, files.exe(), 'marksheet.pdf').expect(415);
    expect(exe.body.message).toContain('Windows program');
    expect(exe.body.fields).toEqual([{ field: 'file', message: expect.stringContaining('Windows program') }]);
    const html = await upload(priya, app.id, doc.id, files.html(), 'photo.png').expect(415);
    expect(html.body.message).toContain('HTML page');
    expect((await upload(priya, app.id, doc.id, Buffer.alloc(0), 'empty.pdf').expect(415)).body.message).toContain('empty');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(UPLOAD_MAX_BYTES + 1 - 9, 0x20)]);
    expect(big.length).toBe(UPLOAD_MAX_BYTES + 1);
    expect((await upload(priya, app.id, doc.id, big, 'scan.pdf').expect(413)).body.code).toBe('applications.fileTooLarge');
    const exactly = big.subarray(0, UPLOAD_MAX_BYTES);
    await upload(priya, app.id, doc.id, exactly, 'scan.pdf').expect(200);
    const after = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM stored_files`);
    expect(after.n).toBe(before.n + 1);
    const state = (await request(t.http).get(`/api/applications/${app.id}/documents`).set(priya.auth).expect(200)).body[0];
    expect(state).toMatchObject({ status: 'uploaded', size: UPLOAD_MAX_BYTES });
  });

  it('refuses what is not one file in "file": JSON, another field, two files, no file', async () => {
    const app = await application();
    const path = `/api/applications/${app.id}/documents/${app.documents[0].id}/file`;
    expect((await request(t.http).put(path).set(priya.auth).send({ file: 'x' }).expect(415)).body.code).toBe('applications.notMultipart');
    const other = await request(t.http).put(path).set(priya.auth).attach('photo', files.png(), 'a.png').expect(400);
    expect(other.body.fields[0].field).toBe('photo');
    await request(t.http).put(path).set(priya.auth).attach('file', files.png(), 'a.png').attach('file', files.png(), 'b.png').expect(400);
    const none = await request(t.http).put(path).set(priya.auth).field('note', 'x').expect(400);
    expect(none.body.fields[0].field).toBe('note');
  });

  it('review: verify, or reject with the reason; a re-upload replaces the file and waits for review again', async () => {
    const app = await application();
    const doc = app.documents[1];
    await request(t.http).post(`/api/applications/${app.id}/documents/${doc.id}/review`).set(priya.auth).send({ status: 'verified' }).expect(404);
    await upload(priya, app.id, doc.id, files.jpeg(), 'id.jpg').expect(200);
    const noReason = await request(t.http)
      .post(`/api/applications/${app.id}/documents/${doc.id}/review`)
      .set(priya.auth)
      .send({ status: 'rejected' })
      .expect(400);
    expect(noReason.body.fields[0].field).toBe('note');
    const rejected = await request(t.http)
      .post(`/api/applications/${app.id}/documents/${doc.id}/review`)
      .set(manager.auth)
      .send({ status: 'rejected', note: 'Blurry: the number cannot be read' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', note: 'Blurry: the number cannot be read', reviewedByName: 'Meera Nair' });
    const oldFile = await queryOne<{ fileId: string }>(t.dataSource, `SELECT file_id AS "fileId" FROM application_documents WHERE id = $1`, [doc.id]);
    const sharper = files.jpeg(200 * 1024);
    await upload(priya, app.id, doc.id, sharper, 'id-again.jpg').expect(200);
    expect(await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM stored_files WHERE id = $1`, [oldFile.fileId])).toEqual({
      n: 0,
    });
    expect(sha((await download(priya, app.id, doc.id).expect(200)).body as Buffer)).toBe(sha(sharper));
    const verified = await request(t.http)
      .post(`/api/applications/${app.id}/documents/${doc.id}/review`)
      .set(priya.auth)
      .send({ status: 'verified' })
      .expect(200);
    expect(verified.body).toMatchObject({ status: 'verified', note: null, reviewedByName: 'Priya Sharma' });
    const timeline = JSON.stringify((await request(t.http).get(`/api/leads/${app.leadId}/timeline`).set(priya.auth).expect(200)).body);
    expect(timeline).toContain('"action":"document_uploaded"');
    expect(timeline).toContain('"action":"document_reviewed"');
  });

  it("another advisor's request for the file is a 404, as is a document of another application", async () => {
    const app = await application();
    const other = await application('Kavya Iyer');
    await upload(priya, app.id, app.documents[0].id, files.pdf(20_000), 'a.pdf').expect(200);
    await download(rahul, app.id, app.documents[0].id).expect(404);
    await upload(rahul, app.id, app.documents[0].id, files.pdf(20_000), 'b.pdf').expect(404);
    await download(priya, other.id, app.documents[0].id).expect(404);
    await download(priya, app.id, app.documents[1].id).expect(404);
  });

  it('the student link: the first name, the program and the checklist only; uploads what is missing; 404 unknown, 410 expired', async () => {
    const app = await application('Ananya Gupta Sharma');
    const link = await request(t.http).post(`/api/applications/${app.id}/upload-link`).set(priya.auth).expect(201);
    expect(link.body.url).toBe(`https://desk.example.in/u/${link.body.token}`);
    expect(new Date(link.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(decodeURIComponent(link.body.whatsappUrl)).toContain(link.body.url);

    const view = await request(t.http).get(`/api/public/uploads/${link.body.token}`).expect(200);
    expect(Object.keys(view.body).sort()).toEqual(['documents', 'expiresAt', 'firstName', 'program', 'university']);
    expect(view.body.firstName).toBe('Ananya');
    expect(view.body.program).toBe('Online MBA');
    for (const document of view.body.documents) expect(Object.keys(document).sort()).toEqual(['id', 'label', 'required', 'status']);
    expect(JSON.stringify(view.body)).not.toMatch(/Gupta|Sharma|\+91|Priya/);

    const photo = files.jpeg();
    const sent = await request(t.http)
      .put(`/api/public/uploads/${link.body.token}/${app.documents[0].id}`)
      .attach('file', photo, 'camera.jpg')
      .expect(200);
    expect(Object.keys(sent.body).sort()).toEqual(['id', 'label', 'status']);
    const staffView = (await request(t.http).get(`/api/applications/${app.id}/documents`).set(priya.auth).expect(200)).body[0];
    expect(staffView).toMatchObject({ status: 'uploaded', uploadedVia: 'student', contentType: 'image/jpeg' });
    expect(sha((await download(priya, app.id, app.documents[0].id).expect(200)).body as Buffer)).toBe(sha(photo));
    // Received and waiting for review: not the student's to replace; nor one of another application.
    await request(t.http).put(`/api/public/uploads/${link.body.token}/${app.documents[0].id}`).attach('file', photo, 'again.jpg').expect(409);
    const other = await application();
    await request(t.http).put(`/api/public/uploads/${link.body.token}/${other.documents[0].id}`).attach('file', photo, 'x.jpg').expect(404);
    await request(t.http).put(`/api/public/uploads/${link.body.token}/${app.documents[1].id}`).attach('file', files.html(), 'id.pdf').expect(415);

    // The page: phone-sized, the first name only, a form per missing document; nothing without a valid token.
    const page = await request(t.http).get(`/u/${link.body.token}`).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Hi Ananya');
    expect(page.text).not.toContain('Gupta');
    expect(page.text).toContain('Received · being checked');
    expect((page.text.match(/<form class="upload"/g) ?? []).length).toBe(app.documents.length - 1);
    await request(t.http)
      .get(`/u/${'x'.repeat(32)}`)
      .expect(404);
    await request(t.http)
      .get(`/api/public/uploads/${'x'.repeat(32)}`)
      .expect(404);
    await t.dataSource.query(`UPDATE upload_links SET expires_at = now() - interval '1 minute' WHERE token = $1`, [link.body.token]);
    await request(t.http).get(`/api/public/uploads/${link.body.token}`).expect(410);
    expect((await request(t.http).get(`/u/${link.body.token}`).expect(410)).text).toContain('expired');
    await request(t.http).put(`/api/public/uploads/${link.body.token}/${app.documents[1].id}`).attach('file', photo, 'x.jpg').expect(410);
  });

  it('the page uploads without JavaScript too: the form posts, then the page says thank you', async () => {
    const app = await application();
    const link = (await request(t.http).post(`/api/applications/${app.id}/upload-link`).set(priya.auth).expect(201)).body;
    const posted = await request(t.http).post(`/u/${link.token}/${app.documents[2].id}`).attach('file', files.pdf(50_000), 'marks.pdf').expect(303);
    expect(posted.headers.location).toBe(`/u/${link.token}?uploaded=${app.documents[2].id}`);
    const page = await request(t.http).get(posted.headers.location).expect(200);
    expect(page.text).toContain('was received');
    const wrong = await request(t.http).post(`/u/${link.token}/${app.documents[3].id}`).attach('file', files.exe(), 'marks.pdf').expect(415);
    expect(wrong.text).toContain('Windows program');
  });

  it("erasure deletes the files, the payments' references and the links; the anonymous application stays", async () => {
    const app = await application();
    await upload(priya, app.id, app.documents[0].id, files.pdf(300_000), 'aadhaar.pdf').expect(200);
    const link = (await request(t.http).post(`/api/applications/${app.id}/upload-link`).set(priya.auth).expect(201)).body;
    await request(t.http).put(`/api/public/uploads/${link.token}/${app.documents[1].id}`).attach('file', files.png(), 'p.png').expect(200);
    await request(t.http)
      .post(`/api/applications/${app.id}/payments`)
      .set(priya.auth)
      .send({ kind: 'application_fee', amountPaise: 1_000_00, paidAt: '2026-11-02', reference: 'UTR 99' })
      .expect(201);
    await request(t.http)
      .patch(`/api/applications/${app.id}`)
      .set(priya.auth)
      .send({ universityApplicationNo: 'MUJ-1', note: 'Father pays', version: 1 })
      .expect(200);
    const fileIds = (
      await t.dataSource.query(`SELECT file_id FROM application_documents WHERE application_id = $1 AND file_id IS NOT NULL`, [app.id])
    ).map((r: { file_id: string }) => r.file_id);
    expect(fileIds).toHaveLength(2);

    await request(t.http).post(`/api/leads/${app.leadId}/erase`).set(manager.auth).expect(200);
    expect(await queryOne(t.dataSource, `SELECT count(*)::int AS n FROM stored_files WHERE id = ANY($1)`, [fileIds])).toEqual({ n: 0 });
    expect(await queryOne(t.dataSource, `SELECT count(*)::int AS n FROM stored_file_chunks WHERE file_id = ANY($1)`, [fileIds])).toEqual({ n: 0 });
    const documents = await t.dataSource.query(
      `SELECT file_name, size, note FROM application_documents WHERE application_id = $1 AND status <> 'missing'`,
      [app.id],
    );
    expect(documents).toEqual([
      { file_name: null, size: null, note: null },
      { file_name: null, size: null, note: null },
    ]);
    expect(await queryOne(t.dataSource, `SELECT reference FROM payments WHERE application_id = $1`, [app.id])).toEqual({ reference: null });
    expect(await queryOne(t.dataSource, `SELECT university_application_no AS no, note, status FROM applications WHERE id = $1`, [app.id])).toEqual({
      no: null,
      note: null,
      status: 'planned',
    });
    await request(t.http).get(`/api/public/uploads/${link.token}`).expect(404);
    await request(t.http).get(`/api/applications/${app.id}`).set(manager.auth).expect(404);
  });

  it('an upload cut off half way leaves a file no document points to; the hourly sweep deletes it', async () => {
    const orphan = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO stored_files (content_type, size, created_at) VALUES ('application/pdf', 0, now() - interval '7 hours') RETURNING id`,
    );
    const app = await application();
    await upload(priya, app.id, app.documents[0].id, files.pdf(20_000), 'kept.pdf').expect(200);
    await t.dataSource.query(`UPDATE stored_files SET created_at = now() - interval '7 hours'`);
    const deleted = await t.app.get(OrphanFilesJob).sweep();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await queryOne(t.dataSource, `SELECT count(*)::int AS n FROM stored_files WHERE id = $1`, [orphan.id])).toEqual({ n: 0 });
    await download(priya, app.id, app.documents[0].id).expect(200);
  });
});
