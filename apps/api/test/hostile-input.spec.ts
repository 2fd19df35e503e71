import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '@advisordesk/api-comparisons';
import { ReportsModule } from '@advisordesk/api-reports';
import { ExportsModule } from '@advisordesk/api-exports';
import { JobsModule } from '@advisordesk/api-jobs';
import { WhatsappModule } from '@advisordesk/api-whatsapp';
import { ApplicationsModule } from '@advisordesk/api-applications';
import { NotificationsModule } from '@advisordesk/api-notifications';
import { SavedViewsModule } from '@advisordesk/api-saved-views';

/**
 * What an attacker, or a buggy client, sends to every endpoint that takes input: keys that are
 * built-in object properties, `null` for every field, text with NUL or an unpaired surrogate in
 * every string, nested objects where text belongs. Whatever it is, the answer is never a 5xx.
 * Endpoints and their body fields are read from the API itself (its OpenAPI document and the
 * DTOs' validation metadata), so a new endpoint is covered without touching this file.
 */

const BUILT_IN_KEYS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const HOSTILE_TEXT = ['nul\u0000here', 'lone \ud800 high', 'lone \udc00 low', '\ud800'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Dto = new () => object;

/**
 * Each DTO class by name, from class-validator's metadata (what the validation pipe checks) and the
 * route handlers' parameter types (a DTO derived with PartialType & co. may declare nothing itself).
 */
function dtoClasses(app: INestApplication): Map<string, Dto> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Dto, unknown[]> };
  const classes = new Map([...storage.validationMetadatas.keys()].map((target) => [target.name, target]));
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as Dto | null)?.prototype;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        for (const type of (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[]) {
          if (typeof type === 'function' && type.name && !classes.has(type.name)) classes.set(type.name, type as Dto);
        }
      }
    }
  }
  return classes;
}

/** A DTO's fields, with the DTO of each nested object field. */
function fieldsOf(dto: Dto): { name: string; nested?: Dto }[] {
  const names = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName),
  );
  return [...names].map((name) => {
    const type = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction?.() as Dto | undefined;
    return { name, nested: type && type !== (String as unknown) && type !== (Date as unknown) ? type : undefined };
  });
}

/** Bodies that each try one hostile thing, built from the DTO's own field names. */
function hostileBodies(dto: Dto | undefined): string[] {
  const bodies: string[] = [];
  const json = (value: unknown) => JSON.stringify(value);
  // Built-in names as keys, at the top and inside every nested object (raw JSON: `__proto__` stays a key).
  for (const key of BUILT_IN_KEYS) bodies.push(`{"${key}": {"polluted": true}}`, `{"${key}": "x"}`);
  if (!dto) return [...bodies, json({ text: HOSTILE_TEXT[1] }), 'null', '[]', '"text"'];
  const fields = fieldsOf(dto);
  bodies.push(json(Object.fromEntries(fields.map((f) => [f.name, null]))));
  for (const field of fields) {
    bodies.push(json({ [field.name]: null }), json({ [field.name]: { nested: 'object' } }), json({ [field.name]: [HOSTILE_TEXT[0]] }));
    for (const text of HOSTILE_TEXT) bodies.push(json({ [field.name]: text }));
    if (field.nested) {
      const inner = fieldsOf(field.nested);
      bodies.push(json({ [field.name]: Object.fromEntries(inner.map((f) => [f.name, null])) }));
      bodies.push(json({ [field.name]: Object.fromEntries(inner.map((f) => [f.name, HOSTILE_TEXT[1]])) }));
      bodies.push(json({ [field.name]: [Object.fromEntries(inner.map((f) => [f.name, HOSTILE_TEXT[0]]))] }));
      for (const key of BUILT_IN_KEYS) bodies.push(`{"${field.name}": {"${key}": 1}}`);
    }
  }
  bodies.push(json(Object.fromEntries(fields.map((f) => [f.name, HOSTILE_TEXT[1]]))));
  return bodies;
}

/** Query strings that each try one hostile thing. */
const HOSTILE_QUERIES = [
  ...BUILT_IN_KEYS.map((key) => `${key}=1`),
  ...BUILT_IN_KEYS.map((key) => `${key}[x]=1`),
  ...BUILT_IN_KEYS.map((key) => `status[${key}]=1`),
  'q=%00',
  'q=%ED%A0%80',
  'q=%uD800',
  'q[constructor]=x',
  '_sort=constructor',
  '_sort=__proto__',
  '_order[x]=1',
  '_start[]=1&_start[]=2',
  'status=new%00',
  'from=2026-04-01%00',
  'groupBy=constructor',
  'groupBy[x]=1',
  'createdAt_gte=%00',
];

describe('hostile input to every endpoint', () => {
  let t: TestApp;
  let admin: SignedIn;
  let document: OpenAPIObject;

  beforeAll(async () => {
    t = await createTestApp(
      [
        AuthModule,
        LeadsModule,
        CatalogueModule,
        ComparisonsModule,
        ReportsModule,
        ExportsModule,
        JobsModule.forRoot(),
        WhatsappModule,
        ApplicationsModule,
        NotificationsModule,
        SavedViewsModule,
      ],
      {
        JOBS_ENABLED: 'false',
        // WhatsApp configured, so its webhook is live; Meta's address is a closed local port.
        WHATSAPP_PHONE_NUMBER_ID: '109876543210123',
        WHATSAPP_ACCESS_TOKEN: 'EAAG-hostile-input-test-token',
        WHATSAPP_APP_SECRET: 'hostile-input-test-app-secret',
        WHATSAPP_VERIFY_TOKEN: 'hostile-input-verify',
        WHATSAPP_API_URL: 'http://127.0.0.1:9',
        INQUIRY_RATE_LIMIT: '1000000',
        LOGIN_RATE_LIMIT: '1000000',
      },
    );
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Asha Admin');
    document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
  });
  afterAll(() => t.close());

  it('reads a few dozen endpoints from the API, so none is left out', () => {
    const operations = Object.values(document.paths).flatMap((path) => METHODS.filter((m) => path[m]));
    expect(operations.length).toBeGreaterThan(40);
  });

  it('no endpoint answers 5xx to built-in keys, nulls, NUL or unpaired surrogates, in the query or the body', async () => {
    const dtos = dtoClasses(t.app);
    const failures: string[] = [];
    let sent = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      const path = template.replace(/\{[^}]+\}/g, (name) => (/token/i.test(name) ? 'a'.repeat(64) : randomUUID()));
      for (const method of METHODS) {
        const operation = operations[method];
        if (!operation) continue;
        // Signing out ends the admin's sessions: give every endpoint a fresh sign-in.
        const auth = {
          Authorization: `Bearer ${(await request(t.http).post('/api/auth/login').send({ email: admin.email, password: admin.password })).body.accessToken}`,
        };
        const ref = (operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content?.['application/json']
          ?.schema?.$ref;
        const dto = ref ? dtos.get(ref.split('/').pop() ?? '') : undefined;
        const attempts: { query: string; body?: string }[] = HOSTILE_QUERIES.map((query) => ({ query }));
        if (method !== 'get' && method !== 'delete') for (const body of hostileBodies(dto)) attempts.push({ query: '', body });
        for (const attempt of attempts) {
          const url = `${path}${attempt.query ? `?${attempt.query}` : ''}`;
          let call = request(t.http)[method](url).set(auth);
          if (attempt.body !== undefined) call = call.set('Content-Type', 'application/json').send(attempt.body);
          const response = await call;
          sent++;
          if (response.status >= 500)
            failures.push(`${method.toUpperCase()} ${url} ${attempt.body ?? ''} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300_000);

  it('the same hostile bodies on the public form are 400s that name the field', async () => {
    for (const text of HOSTILE_TEXT) {
      const response = await request(t.http)
        .post('/api/public/inquiries')
        .send({ fullName: 'Asha Rao', phone: '9876543210', email: text, consent: { whatsapp: false, marketing: false } });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain('email');
    }
    const proto = await request(t.http)
      .post('/api/public/inquiries')
      .set('Content-Type', 'application/json')
      .send('{"fullName": "Asha Rao", "phone": "9876543210", "consent": {"whatsapp": false, "marketing": false}, "__proto__": {"isAdmin": true}}');
    expect(proto.status).toBe(400);
    expect(proto.body.fields.map((f: { field: string }) => f.field)).toContain('__proto__');
    const listed = await request(t.http).get('/api/leads?constructor=1').set(admin.auth);
    expect(listed.status).toBe(400);
    expect(listed.body.fields.map((f: { field: string }) => f.field)).toContain('constructor');
  });
});
