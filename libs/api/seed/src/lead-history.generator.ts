import { createHash } from 'node:crypto';
import { istDayRange, PIPELINE, type LeadSource, type LostReason } from '@advisordesk/shared';
import { CAMPAIGNS, FIRST_NAMES, LAST_NAMES, NOTES, PLACES, QUALIFICATIONS } from './demo-people';
import type { Random } from './random';

const DAY = 86_400_000;
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** One generated lead with everything that happened to it (times in UTC). */
export interface GeneratedLead {
  lead: {
    id: string;
    reference: string;
    fullName: string;
    phone: string;
    email: string | null;
    city: string;
    state: string;
    courseInterest: string;
    level: string;
    mode: string;
    budgetPaise: number | null;
    qualification: string | null;
    experienceYears: number | null;
    status: string;
    lostReason: LostReason | null;
    maxStage: number;
    advisorId: string;
    source: LeadSource;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    landingUrl: string | null;
    consentWhatsapp: boolean;
    consentMarketing: boolean;
    consentAt: Date | null;
    nextFollowUpAt: Date | null;
    firstContactedAt: Date | null;
    enrolledAt: Date | null;
    lostAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    version: number;
  };
  activities: { type: string; authorId: string | null; data: Record<string, unknown>; at: Date }[];
  tasks: { title: string; dueAt: Date; doneAt: Date | null; outcome: 'connected' | null }[];
}

/** Deterministic UUID-shaped ids from the generator's own counter, so seeds are repeatable. */
export function seededUuid(namespace: string, n: number): string {
  const h = createHash('sha1').update(`${namespace}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A unique, valid Indian mobile per index: 7919 is coprime with 10^9, so i ↦ i·7919 mod 10^9 never repeats. */
export function phoneFor(index: number): string {
  return `+919${String((index * 7919 + 13_579) % 1_000_000_000).padStart(9, '0')}`;
}

function referenceFor(index: number): string {
  let n = index * 2_654_435_761 + 97;
  let text = '';
  for (let i = 0; i < 8; i++) {
    text = REFERENCE_ALPHABET[n % 32] + text;
    n = Math.floor(n / 32);
  }
  return `AD-${text}`;
}

/** Daytime in India (09:00–21:00 IST) on the day `days` before `now`. */
function istDaytime(rng: Random, now: number, days: number): Date {
  const { start } = istDayRange(new Date(now - days * DAY));
  return new Date(start.getTime() + (9 + rng.next() * 12) * 3_600_000);
}

const STAGE_ODDS = [0, 0.8, 0.7, 0.62, 0.55, 0.72, 0.8];
const LOST_WEIGHTS: [LostReason, number][] = [
  ['not_reachable', 30],
  ['not_interested', 20],
  ['budget', 20],
  ['chose_another_provider', 15],
  ['not_eligible', 8],
  ['duplicate', 2],
  ['other', 5],
];
const SOURCE_WEIGHTS: [LeadSource, number][] = [
  ['website', 62],
  ['referral', 10],
  ['walk_in', 6],
  ['phone', 8],
  ['social', 8],
  ['event', 4],
  ['import', 2],
];
const CALL_OUTCOMES_BEFORE_CONTACT = ['no_answer', 'busy', 'switched_off', 'call_back_later'];

/**
 * A lead and its history: when it came in, who got it, each step through the pipeline (skips,
 * losses with reasons), calls, notes, WhatsApp messages and follow-ups, all before `now`.
 */
export function generateLead(rng: Random, index: number, now: number, advisors: string[], maxAgeDays = 180): GeneratedLead {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const [city, state] = rng.pick(PLACES);
  const source = rng.weighted(SOURCE_WEIGHTS);
  const campaign = source === 'website' || source === 'social' ? rng.weighted(CAMPAIGNS.map((c) => [c, c.weight] as const)) : null;
  const level =
    campaign?.level ??
    rng.weighted([
      ['PG', 5],
      ['UG', 3],
      ['diploma', 1],
      ['certificate', 1],
    ] as const);
  const ageDays = maxAgeDays * Math.pow(rng.next(), 1.35);
  const createdAt = istDaytime(rng, now, Math.floor(ageDays));
  if (createdAt.getTime() > now) createdAt.setTime(now - rng.int(5, 600) * 60_000);
  const advisorId = advisors[index % advisors.length];
  const working = level === 'PG' && rng.chance(0.7);
  const consentWhatsapp = source === 'website' ? rng.chance(0.88) : rng.chance(0.6);
  const consentMarketing = rng.chance(0.55);
  const activities: GeneratedLead['activities'] = [
    {
      type: 'inquiry',
      authorId: null,
      data: { repeat: false, courseInterest: campaign?.interest ?? null, utmCampaign: campaign?.campaign ?? null },
      at: createdAt,
    },
    { type: 'assignment', authorId: null, data: { to: advisorId, automatic: true }, at: createdAt },
  ];
  let at = createdAt.getTime();
  let stage = 0;
  let status = 'new' as string;
  let lostReason: LostReason | null = null;
  let firstContactedAt: Date | null = null;
  let enrolledAt: Date | null = null;
  let lostAt: Date | null = null;
  while (stage < PIPELINE.length - 1) {
    const gap = stage === 0 ? (0.02 + rng.next() * 1.5) * DAY : (0.5 + rng.next() * 10) * DAY;
    if (at + gap > now) break;
    at += gap;
    const next = Math.min(stage + (stage > 0 && rng.chance(0.08) ? 2 : 1), PIPELINE.length - 1);
    if (stage === 0 && rng.chance(0.5))
      activities.push({ type: 'call', authorId: advisorId, data: { outcome: rng.pick(CALL_OUTCOMES_BEFORE_CONTACT) }, at: new Date(at - 3_600_000) });
    if (!rng.chance(STAGE_ODDS[next])) {
      if (rng.chance(0.6)) {
        lostReason =
          stage === 0
            ? rng.weighted([
                ['not_reachable', 5],
                ['not_interested', 2],
                ['duplicate', 1],
              ] as const)
            : rng.weighted(LOST_WEIGHTS);
        lostAt = new Date(at);
        activities.push({ type: 'status_change', authorId: advisorId, data: { from: status, to: 'lost', lostReason }, at: lostAt });
        status = 'lost';
      }
      break;
    }
    if (next === 1) activities.push({ type: 'call', authorId: advisorId, data: { outcome: 'connected' }, at: new Date(at - 60_000) });
    activities.push({ type: 'status_change', authorId: advisorId, data: { from: status, to: PIPELINE[next] }, at: new Date(at) });
    if (rng.chance(0.35)) activities.push({ type: 'note', authorId: advisorId, data: { text: rng.pick(NOTES) }, at: new Date(at + 120_000) });
    if (next >= 2 && consentWhatsapp && rng.chance(0.4))
      activities.push({
        type: 'whatsapp',
        authorId: advisorId,
        data: { text: 'Shared the program brochure and fee details.' },
        at: new Date(at + 300_000),
      });
    stage = next;
    status = PIPELINE[stage];
    firstContactedAt ??= new Date(at);
    if (status === 'enrolled') enrolledAt = new Date(at);
  }
  const open = status !== 'enrolled' && status !== 'lost';
  const tasks: GeneratedLead['tasks'] = [];
  if (open && rng.chance(0.75)) {
    // Follow-ups cluster around today: some overdue, some due today, some later this week.
    const due = now + (rng.next() * 7 - 2.5) * DAY;
    tasks.push({
      title: rng.pick([
        'Call back about fees',
        'Send comparison on WhatsApp',
        'Check documents for application',
        'Follow up after counselling',
        'Confirm session start date',
      ]),
      dueAt: new Date(Math.max(due, createdAt.getTime() + 3_600_000)),
      doneAt: null,
      outcome: null,
    });
  }
  if (stage >= 2 && rng.chance(0.5))
    tasks.push({
      title: 'Counselling call',
      dueAt: new Date(createdAt.getTime() + 2 * DAY),
      doneAt: new Date(createdAt.getTime() + 2 * DAY + 1_800_000),
      outcome: 'connected',
    });
  const lastActivity = activities.reduce((latest, a) => Math.max(latest, a.at.getTime()), createdAt.getTime());
  const hasCampaign = !!campaign && source === 'website';
  return {
    lead: {
      id: seededUuid('lead', index),
      reference: referenceFor(index),
      fullName: `${first} ${last}`,
      phone: phoneFor(index),
      email: rng.chance(0.8) ? `${first}.${last}${index % 97}@example.in`.toLowerCase().replace(/'/g, '') : null,
      city,
      state,
      courseInterest:
        campaign?.interest ??
        rng.pick(['Online MBA', 'Online MCA', 'Distance BBA', 'PG Diploma in Management', 'Online BCA', 'Certificate in data analytics']),
      level,
      mode: rng.weighted([
        ['online', 6],
        ['distance', 3],
        ['hybrid', 1],
        ['regular', 1],
      ] as const),
      budgetPaise: rng.chance(0.6) ? rng.int(5, 40) * 10_000_00 : null,
      qualification: rng.chance(0.7) ? rng.pick(QUALIFICATIONS) : null,
      experienceYears: working ? rng.int(1, 15) : rng.chance(0.3) ? 0 : null,
      status,
      lostReason,
      maxStage: stage,
      advisorId,
      source,
      utmSource: hasCampaign ? campaign.source : source === 'social' ? rng.pick(['instagram', 'facebook']) : null,
      utmMedium: hasCampaign ? campaign.medium : null,
      utmCampaign: hasCampaign ? campaign.campaign : null,
      landingUrl:
        source === 'website'
          ? `https://guides.example.in/${(campaign?.interest ?? 'online-degrees').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
          : null,
      consentWhatsapp,
      consentMarketing,
      consentAt: consentWhatsapp || consentMarketing ? createdAt : null,
      nextFollowUpAt: tasks.find((t) => !t.doneAt)?.dueAt ?? null,
      firstContactedAt,
      enrolledAt,
      lostAt,
      createdAt,
      updatedAt: new Date(lastActivity),
      version: 1 + activities.filter((a) => a.type === 'status_change').length,
    },
    activities,
    tasks,
  };
}
