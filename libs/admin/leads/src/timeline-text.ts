import {
  APPLICATION_STATUS_LABELS,
  CALL_OUTCOME_LABELS,
  CONSENT_CHANNEL_LABELS,
  DATA_REQUEST_KIND_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  formatInr,
  formatIstDateTime,
  formatPhone,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  MERGE_FIELD_LABELS,
  PAYMENT_KIND_LABELS,
  type ActivityView,
  type ApplicationStatus,
  type CallOutcome,
  type ConsentChannel,
  type DataRequestKind,
  type FollowUpOutcome,
  type LeadSource,
  type LeadStatus,
  type LostReason,
  type MergeField,
  type PaymentKind,
  type WhatsappMessageKind,
  WHATSAPP_KIND_PLACEHOLDERS,
} from '@advisordesk/shared';

export interface ActivityText {
  /** One readable sentence: "Priya moved the lead from Contacted to Shortlisted". */
  title: string;
  /** What was written or chosen, shown under the sentence (a note's text, a call's note…). */
  detail?: string;
  /** A link that belongs to the entry (a shared comparison). */
  link?: string;
}

export interface TimelineContext {
  /** Names of users by id, for assignments (`to` and `from` are ids). */
  names?: Map<string, string>;
  /** The lead's name, for what the student did themselves (a WhatsApp reply). */
  leadName?: string;
}

const FIELD_LABELS: Record<string, string> = {
  fullName: 'name',
  phone: 'phone',
  email: 'email',
  city: 'city',
  state: 'state',
  courseInterest: 'course interest',
  level: 'level',
  mode: 'mode',
  budgetPaise: 'budget',
  qualification: 'qualification',
  experienceYears: 'work experience',
};

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const statusLabel = (value: unknown) => LEAD_STATUS_LABELS[value as LeadStatus] ?? String(value ?? '?');
const applicationStatusLabel = (value: unknown) => APPLICATION_STATUS_LABELS[value as ApplicationStatus] ?? String(value ?? '?');

/** "Priya Sharma" → "Priya"; no author means AdvisorDesk itself did it. */
export function firstName(name: string | null | undefined): string {
  return str(name)?.split(/\s+/)[0] ?? 'AdvisorDesk';
}

/** A list in words: "a, b and c". */
function inWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The sentence (and detail) a timeline entry reads as. */
export function describeActivity(activity: ActivityView, context: TimelineContext = {}): ActivityText {
  const who = firstName(activity.authorName);
  const data = activity.data ?? {};
  if (data.erased === true) return { title: `${activity.type === 'inquiry' ? 'An enquiry' : 'An entry'} whose words were erased on request` };
  const nameOf = (id: unknown) => (typeof id === 'string' ? (context.names?.get(id) ?? 'another advisor') : 'nobody');

  switch (activity.type) {
    case 'status_change': {
      const note = str(data.note);
      if (data.to === 'lost') {
        const reason = LOST_REASON_LABELS[data.lostReason as LostReason];
        return { title: `${who} marked the lead lost${reason ? ` (${reason})` : ''}, from ${statusLabel(data.from)}`, detail: note };
      }
      if (data.from === 'lost') return { title: `${who} reopened the lead as ${statusLabel(data.to)}`, detail: note };
      // The lead follows its furthest application.
      if (data.automatic === true && data.via === 'application')
        return {
          title: `The lead moved from ${statusLabel(data.from)} to ${statusLabel(data.to)} with its application${str(data.program) ? ` to ${str(data.program)}` : ''}`,
          detail: note,
        };
      return { title: `${who} moved the lead from ${statusLabel(data.from)} to ${statusLabel(data.to)}`, detail: note };
    }
    case 'note':
      return { title: `${who} added a note`, detail: str(data.text) };
    case 'call': {
      const outcome = CALL_OUTCOME_LABELS[data.outcome as CallOutcome] ?? String(data.outcome ?? 'unknown outcome');
      return { title: `${who} logged a call: ${outcome}`, detail: str(data.note) };
    }
    case 'whatsapp': {
      // Sent or received through the WhatsApp Business Platform (older entries: logged from click-to-chat).
      const template = data.template as { name?: unknown } | undefined;
      const placeholder = WHATSAPP_KIND_PLACEHOLDERS[data.kind as WhatsappMessageKind] || undefined;
      if (data.direction === 'in') {
        const name = str(data.name) ?? str(context.leadName);
        const student = name ? firstName(name) : 'The student';
        return { title: `${student} replied on WhatsApp${str(data.text) ? `: ${str(data.text)}` : placeholder ? `: ${placeholder}` : ''}` };
      }
      if (data.direction === 'out' && template && str(template.name)) return { title: `${who} sent the WhatsApp template “${str(template.name)}”` };
      return { title: `${who} sent a WhatsApp message`, detail: str(data.text) };
    }
    case 'assignment': {
      // Names recorded with the entry first (newer entries), else the names this screen knows.
      const to = str(data.toName) ?? nameOf(data.to);
      const from = str(data.fromName) ?? nameOf(data.from);
      const author = str(activity.authorName) ?? 'AdvisorDesk';
      if (data.automatic === true) return { title: `Assigned to ${to} automatically` };
      if (data.via === 'handover') return { title: `${who} handed the lead from ${from} to ${to} when ${firstName(from)} left` };
      if (activity.authorId && activity.authorId === data.to) {
        return { title: data.from ? `${author} took the lead over from ${from}` : `Assigned to ${author}, who entered the lead` };
      }
      if (data.from) return { title: `${who} reassigned the lead from ${from} to ${to}` };
      return { title: `${who} assigned the lead to ${to}` };
    }
    case 'task': {
      const title = str(data.title) ?? 'Follow up';
      const due = str(data.dueAt) ? formatIstDateTime(String(data.dueAt)) : undefined;
      switch (data.action) {
        case 'scheduled':
          return { title: `${who} scheduled a follow-up${due ? ` for ${due}` : ''}`, detail: title };
        case 'rescheduled':
          return { title: `${who} moved a follow-up${due ? ` to ${due}` : ''}`, detail: title };
        case 'done': {
          const outcome = FOLLOW_UP_OUTCOME_LABELS[data.outcome as FollowUpOutcome];
          return {
            title: `${who} completed a follow-up${outcome ? `: ${outcome}` : ''}`,
            detail: [title, str(data.note)].filter(Boolean).join(' · '),
          };
        }
        case 'reopened':
          return { title: `${who} opened a follow-up again`, detail: title };
        case 'cancelled':
          return { title: `${who} cancelled a follow-up`, detail: title };
        default:
          return { title: `${who} updated a follow-up`, detail: title };
      }
    }
    case 'inquiry': {
      // A message on WhatsApp from a number that was no lead made this one.
      if (data.source === 'whatsapp' && !str(data.enteredBy)) return { title: 'Wrote on WhatsApp from a new number: the lead was created' };
      if (str(data.enteredBy) || (data.source && data.repeat === undefined)) {
        const source = LEAD_SOURCE_LABELS[data.source as LeadSource];
        return { title: `${str(data.enteredBy) ? firstName(String(data.enteredBy)) : who} entered the lead${source ? ` (${source})` : ''}` };
      }
      const parts = [
        str(data.alternatePhone) && `From ${formatPhone(String(data.alternatePhone))}, a merged lead’s phone`,
        str(data.courseInterest) && `Interested in ${str(data.courseInterest)}`,
        str(data.message) && `“${str(data.message)}”`,
        str(data.utmCampaign) && `Campaign: ${str(data.utmCampaign)}`,
      ].filter((part): part is string => Boolean(part));
      // A row of a lead import: the file and who imported it.
      const imported = data.import && typeof data.import === 'object' ? (data.import as Record<string, unknown>) : undefined;
      if (imported) {
        const file = str(imported.fileName) ?? 'a file';
        const by = str(imported.by) ? ` by ${str(imported.by)}` : '';
        return {
          title: data.repeat === true ? `Imported again from ${file}${by} (already a lead: kept as an enquiry)` : `Imported from ${file}${by}`,
          detail: parts.join(' · ') || undefined,
        };
      }
      return {
        title: data.repeat === true ? 'Enquired again through the website form' : 'Enquired through the website form',
        detail: parts.join(' · ') || undefined,
      };
    }
    case 'shortlist': {
      // Newer entries name the program and its university apart; older ones hold "Program, University" or just the program.
      const name = str(data.programName);
      const program = name ? (str(data.university) ? `${name} (${str(data.university)})` : name) : (str(data.program) ?? 'a program');
      if (data.action === 'added') return { title: `${who} shortlisted ${program}` };
      if (data.action === 'removed') return { title: `${who} removed ${program} from the shortlist` };
      return { title: `${who} reordered the shortlist` };
    }
    case 'comparison': {
      const programs = Array.isArray(data.programs) ? data.programs.map(String) : [];
      return {
        title: `${who} shared a comparison of ${programs.length || 'several'} program${programs.length === 1 ? '' : 's'}`,
        detail: programs.join(' · ') || undefined,
        link: str(data.url),
      };
    }
    case 'consent': {
      if (data.given) {
        // A consent ticked on the public form for a phone that is already a lead: recorded, not applied.
        const given = data.given as { marketing?: boolean; whatsapp?: boolean };
        const held = (data.held ?? {}) as { marketing?: boolean; whatsapp?: boolean };
        const ticked = [given.whatsapp && 'WhatsApp messages', given.marketing && 'marketing messages'].filter((x): x is string => Boolean(x));
        const notHeld = (given.whatsapp && !held.whatsapp) || (given.marketing && !held.marketing);
        return {
          title:
            data.via === 'import'
              ? `An import (${str(data.form) ?? 'no source given'}) said the person consented to ${inWords(ticked)}`
              : `The form was sent again with consent to ${inWords(ticked)}`,
          detail: notHeld
            ? 'Not applied: anyone can type a phone number into the form. Confirm with the person before recording their consent.'
            : 'The lead already had this consent.',
        };
      }
      if (data.via === 'staff') {
        // Consent given to a colleague in person, by phone or by email.
        const recorded = (data.recorded ?? {}) as { marketing?: boolean; whatsapp?: boolean };
        const channel = CONSENT_CHANNEL_LABELS[data.channel as ConsentChannel]?.toLowerCase() ?? 'in person';
        const agreed = [recorded.whatsapp === true && 'WhatsApp messages', recorded.marketing === true && 'marketing messages'].filter(
          (x): x is string => Boolean(x),
        );
        const refused = [recorded.whatsapp === false && 'WhatsApp messages', recorded.marketing === false && 'marketing messages'].filter(
          (x): x is string => Boolean(x),
        );
        const parts = [agreed.length && `agreed to ${inWords(agreed)}`, refused.length && `withdrew consent to ${inWords(refused)}`].filter(Boolean);
        return { title: `${who} recorded that the person ${parts.join(' and ')} (${channel})`, detail: str(data.note) };
      }
      const withdrawn = (data.withdrawn ?? {}) as { marketing?: boolean; whatsapp?: boolean };
      const what = [withdrawn.marketing && 'marketing messages', withdrawn.whatsapp && 'WhatsApp messages'].filter((x): x is string => Boolean(x));
      const via =
        data.via === 'link'
          ? ' using the link in a message'
          : data.via === 'whatsapp'
            ? ' by replying STOP on WhatsApp'
            : data.via === 'request'
              ? ` by a rights request${str(data.reference) ? ` (${str(data.reference)})` : ''}`
              : '';
      return { title: what.length ? `The person withdrew consent to ${inWords(what)}${via}` : `Consent changed${via}` };
    }
    case 'profile': {
      const changed = Array.isArray(data.changed) ? data.changed.map((field) => FIELD_LABELS[String(field)] ?? String(field)) : [];
      return { title: `${who} updated the ${changed.length ? inWords(changed) : 'profile'}` };
    }
    case 'transfer_request': {
      const requester = nameOf(data.requestedBy);
      if (data.action === 'requested') return { title: `${who} asked for this lead to be transferred to them`, detail: str(data.note) };
      if (data.action === 'approved') return { title: `${who} approved ${firstName(requester)}’s request for this lead`, detail: str(data.note) };
      if (data.action === 'declined') return { title: `${who} declined ${firstName(requester)}’s request for this lead`, detail: str(data.note) };
      return { title: `${who} answered a transfer request` };
    }
    case 'privacy': {
      const kind = DATA_REQUEST_KIND_LABELS[data.kind as DataRequestKind]?.toLowerCase() ?? 'a request about their data';
      if (data.action === 'request') return { title: `The person asked for “${kind}” (${str(data.reference) ?? 'a rights request'})` };
      if (data.action === 'resolved')
        return { title: `${who} ${data.outcome === 'refused' ? 'refused' : 'answered'} the request for “${kind}”`, detail: str(data.note) };
      if (data.action === 'nominee') return { title: `The person named a nominee`, detail: str(data.nominee) };
      if (data.action === 'guardian')
        return {
          title:
            data.via === 'call'
              ? `${who} verified the guardian's consent on a call`
              : `${who} verified the guardian's consent with a code sent to them`,
          detail: str(data.note),
        };
      return { title: 'Data protection' };
    }
    case 'application': {
      const program = str(data.program) ?? 'a program';
      switch (data.action) {
        case 'created':
          return { title: `${who} started an application to ${program}${str(data.session) ? ` for ${str(data.session)}` : ''}` };
        case 'status':
          return {
            title: `${who} moved the application to ${program} from ${applicationStatusLabel(data.from)} to ${applicationStatusLabel(data.to)}`,
            detail: str(data.note),
          };
        case 'document_uploaded': {
          const label = str(data.label) ?? 'a document';
          if (data.via === 'student') {
            const student = str(context.leadName) ? firstName(context.leadName) : 'The student';
            return { title: `${student} sent ${label} through the upload link`, detail: program };
          }
          return { title: `${who} uploaded ${label}`, detail: program };
        }
        case 'document_reviewed': {
          const label = str(data.label) ?? 'a document';
          return {
            title: `${who} ${data.status === 'rejected' ? 'rejected' : 'verified'} ${label}`,
            detail: [program, str(data.note)].filter(Boolean).join(' · '),
          };
        }
        case 'payment': {
          const kind = PAYMENT_KIND_LABELS[data.kind as PaymentKind]?.toLowerCase() ?? 'a payment';
          const amount = typeof data.amountPaise === 'number' ? formatInr(data.amountPaise) : 'a payment';
          return { title: `${who} recorded ${amount} paid (${kind})`, detail: program };
        }
        case 'payment_removed': {
          const amount = typeof data.amountPaise === 'number' ? formatInr(data.amountPaise) : 'a payment';
          return { title: `${who} deleted a payment of ${amount} recorded by mistake`, detail: program };
        }
        case 'upload_link':
          return { title: `${who} made a link for the student to upload documents`, detail: program };
        default:
          return { title: `${who} updated the application to ${program}` };
      }
    }
    case 'merge': {
      const other = [str(data.otherName), str(data.otherReference) && `(${str(data.otherReference)})`].filter(Boolean).join(' ') || 'another lead';
      const taken = Array.isArray(data.taken)
        ? data.taken.map((field) => MERGE_FIELD_LABELS[field as MergeField]?.toLowerCase() ?? String(field))
        : [];
      const parts = [
        str(data.otherPhone) && `${formatPhone(String(data.otherPhone))} kept as an alternate phone`,
        taken.length > 0 && `Took its ${inWords(taken)}`,
        data.consentTaken === true && 'Took its more recent consent',
      ].filter((part): part is string => Boolean(part));
      return { title: `${who} merged ${other} into this lead`, detail: parts.join(' · ') || undefined };
    }
    case 'erasure':
      return { title: `${who} erased the person’s personal data on request` };
    default:
      return { title: `${who}: ${String(activity.type)}` };
  }
}
