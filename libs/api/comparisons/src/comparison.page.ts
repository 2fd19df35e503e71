import { formatInr, formatIstDate, inrShortIfDifferent, LEAD_MODE_LABELS, PROGRAM_LEVEL_LABELS } from '@advisordesk/shared';
import type { ComparisonContact } from '@advisordesk/shared';
import { DATA_RIGHTS_LINK, escapeHtml as escape, publicPage, talkBlock } from '@advisordesk/api-core';
import type { ComparedProgram, PublicComparison } from './comparison.snapshot';

const dash = '—';

interface Row {
  label: string;
  value: (p: ComparedProgram) => string;
  /** Rows whose values differ between programs are highlighted. */
  compare?: boolean;
}

const ROWS: Row[] = [
  {
    label: 'Total fee',
    value: (p) => {
      if (!p.fee) return 'Fee on request';
      const short = inrShortIfDifferent(p.fee.totalPaise);
      return `<strong>${formatInr(p.fee.totalPaise)}</strong>${short ? ` <span class="muted">(${escape(short)})</span>` : ''}`;
    },
    compare: true,
  },
  {
    label: 'Fee breakdown',
    value: (p) =>
      p.fee
        ? `<ul class="fees">${p.fee.components.map((c) => `<li><span>${escape(c.label)}${c.due ? ` <span class="muted">· ${escape(c.due)}</span>` : ''}</span><span>${formatInr(c.amountPaise)}</span></li>`).join('')}</ul>`
        : dash,
  },
  { label: 'Session', value: (p) => escape(p.fee?.session ?? dash), compare: true },
  { label: 'EMI', value: (p) => (p.fee ? (p.fee.emiAvailable ? 'Available' : 'Not offered') : dash), compare: true },
  { label: 'Duration', value: (p) => (p.durationMonths ? `${p.durationMonths} months` : dash), compare: true },
  { label: 'Mode', value: (p) => escape(p.mode ? (LEAD_MODE_LABELS[p.mode] ?? p.mode) : dash), compare: true },
  {
    label: 'Level',
    value: (p) => escape(PROGRAM_LEVEL_LABELS[p.level] ?? p.level) + (p.credentialType ? ` · ${escape(p.credentialType)}` : ''),
    compare: true,
  },
  {
    label: 'Approvals',
    value: (p) => (p.approvals.length ? p.approvals.map((a) => `<span class="tag">${escape(a)}</span>`).join(' ') : dash),
    compare: true,
  },
  { label: 'NAAC grade', value: (p) => escape(p.naacGrade ?? dash), compare: true },
  {
    label: 'NIRF rank',
    value: (p) =>
      p.nirfRank ? `#${p.nirfRank}${p.nirfCategory ? ` (${escape(p.nirfCategory)})` : ''}${p.nirfYear ? ` · ${p.nirfYear}` : ''}` : dash,
    compare: true,
  },
  { label: 'Credits', value: (p) => (p.credits ? `${p.credits}${p.stackable ? ' · stack into a degree' : ''}` : dash), compare: true },
  { label: 'Specialisations', value: (p) => (p.specialisations.length ? escape(p.specialisations.join(', ')) : dash) },
  { label: 'Eligibility', value: (p) => escape(p.eligibility ?? dash) },
  { label: 'Ownership', value: (p) => escape(p.ownership ?? dash), compare: true },
];

const STYLE = `
main{max-width:1180px;margin:0 auto;padding:16px}.muted{color:#6b7280;font-size:.9em}.tag{display:inline-block;background:#e0e7ff;color:#1e3a8a;border-radius:4px;padding:0 6px;margin:1px 0;font-size:.85em}
.cards{display:grid;gap:14px}.card{background:#fff;border-radius:10px;padding:14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}.card h2{font-size:1.1rem;margin:0}.card .uni{margin:2px 0 10px;color:#374151}
.card dl{margin:0;display:grid;grid-template-columns:40% 60%;gap:6px 8px}.card dt{color:#6b7280;font-size:.9rem}.card dd{margin:0}
.best{display:inline-block;background:#dcfce7;color:#166534;border-radius:4px;padding:1px 6px;font-size:.8rem;margin-left:4px}
ul.fees{list-style:none;margin:0;padding:0}ul.fees li{display:flex;justify-content:space-between;gap:8px;border-bottom:1px dashed #e5e7eb;padding:2px 0}
table{display:none;width:100%;border-collapse:collapse;background:#fff;border-radius:10px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08)}
th,td{padding:10px;border-bottom:1px solid #eef0f4;vertical-align:top;text-align:left}thead th{background:#eef2ff}tbody th{width:160px;color:#4b5563;font-weight:600}
tr.differs th::after,.card dt.differs::after{content:" ●";color:#d97706}tr.differs td,.card dd.differs{background:#fffbeb}
.card dt.differs{color:#92400e;font-weight:600}.card dd.differs{border-radius:4px;padding:0 4px}
footer{max-width:1180px;margin:0 auto;padding:8px 16px 32px;color:#6b7280;font-size:.85rem}
@media (min-width:760px){.cards{display:none}table{display:table}}`;

/** The public comparison, made for a phone: stacked cards on narrow screens, side by side on wide ones. */
export function renderComparisonPage(comparison: PublicComparison): string {
  const { programs } = comparison;
  const totals = programs.flatMap((p) => (p.fee ? [p.fee.totalPaise] : []));
  const lowest = totals.length > 1 ? Math.min(...totals) : null;
  const isLowest = (p: ComparedProgram) => lowest !== null && p.fee?.totalPaise === lowest;
  const differs = (row: Row) => !!row.compare && programs.length > 1 && new Set(programs.map((p) => row.value(p))).size > 1;
  const marked = (row: Row) => (differs(row) ? ' class="differs"' : '');
  const cards = programs
    .map(
      (p) => `<article class="card"><h2>${escape(p.name)}${isLowest(p) ? '<span class="best">Lowest fee</span>' : ''}</h2>
  <p class="uni">${escape(p.universityName)}${p.universityCity ? `, ${escape(p.universityCity)}` : ''}</p>
  <dl>${ROWS.map((row) => `<dt${marked(row)}>${row.label}</dt><dd${marked(row)}>${row.value(p)}</dd>`).join('')}</dl></article>`,
    )
    .join('');
  const table = `<table><thead><tr><th></th>${programs
    .map(
      (p) =>
        `<th>${escape(p.name)}${isLowest(p) ? '<span class="best">Lowest fee</span>' : ''}<div class="muted">${escape(p.universityName)}</div></th>`,
    )
    .join(
      '',
    )}</tr></thead><tbody>${ROWS.map((row) => `<tr${marked(row)}><th>${row.label}</th>${programs.map((p) => `<td>${row.value(p)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const created = formatIstDate(comparison.createdAt);
  const expires = formatIstDate(comparison.expiresAt);
  return publicPage(
    `Your program comparison`,
    `<header><h1>Hi ${escape(comparison.firstName)}, here is your comparison</h1><p>${programs.length} programs picked for you by ${escape(comparison.advisorName)} on ${created}.</p></header>
<main>${talkBlock(comparison.contact)}<div class="cards">${cards}</div>${table}</main>
<footer>Fees are as published by each institution for the session shown, in Indian rupees, and may exclude GST, exam and hostel charges unless listed.
Please confirm with your advisor before you pay. Rows marked ● differ between programs. This link works until ${expires}. ${DATA_RIGHTS_LINK}</footer>`,
    STYLE,
  );
}

export function renderComparisonProblemPage(status: 404 | 410, contact: ComparisonContact | null): string {
  const [title, text] =
    status === 410
      ? [
          'This comparison has expired',
          'Fees change from session to session, so comparison links work for a limited time. Ask your advisor on WhatsApp for an up-to-date one.',
        ]
      : ['Comparison not found', 'This link is not valid. Please check that you opened the whole link your advisor sent you.'];
  return publicPage(title, `<header><h1>${title}</h1></header><main>${talkBlock(contact)}<div class="card"><p>${text}</p></div></main>`, STYLE);
}
