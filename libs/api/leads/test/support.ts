import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import type { TestApp } from '@advisordesk/api-database/testing';
import type { SignedIn } from '@advisordesk/api-auth/testing';

/** A whole `leads` row as stored (snake_case): the columns tests read by name are typed, the rest unknown. */
export interface LeadRow extends Record<string, unknown> {
  id: string;
  advisor_id: string | null;
  unsubscribe_token: string;
  consent_marketing: boolean;
}

/** The operator's contact person, which the consent notice needs before it can be saved. */
export const OPERATOR_CONTACT = { name: 'Meera Iyer', email: 'privacy@example.in', phone: '+91 98765 00000' };

let phoneCounter = 0;

/** A fresh, valid Indian mobile number for each call (9xxxxxxxxx). */
export function newPhone(): string {
  phoneCounter++;
  const n = (Date.now() % 1_000_000) * 100 + (phoneCounter % 100);
  return `9${String(n).padStart(9, '0').slice(-9)}`;
}

export function inquiry(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Ananya Gupta',
    phone: newPhone(),
    email: 'ananya@example.in',
    city: 'Pune',
    state: 'Maharashtra',
    courseInterest: 'Online MBA',
    level: 'PG',
    mode: 'online',
    consent: { whatsapp: true, marketing: false },
    sourceUrl: 'https://guides.example.in/online-mba-guide',
    utm: { source: 'google', medium: 'cpc', campaign: 'spring-mba' },
    ...overrides,
  };
}

export function submitInquiry(t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return request(t.http).post('/api/public/inquiries').set(headers).send(body);
}

export async function leadByPhone(t: TestApp, e164: string) {
  const [lead] = await queryRows<LeadRow>(t.dataSource, `SELECT * FROM leads WHERE phone = $1`, [e164]);
  return lead;
}

/** A lead made through the public form and handed to `advisor` by `manager`; answers it as `GET /api/leads/:id` does. */
export async function leadFor<Lead>(t: TestApp, manager: SignedIn, advisor: SignedIn, overrides: Record<string, unknown> = {}): Promise<Lead> {
  const body = inquiry(overrides);
  await submitInquiry(t, body).expect(201);
  const { id } = await leadByPhone(t, `+91${body.phone}`);
  await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
  return (await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body;
}
