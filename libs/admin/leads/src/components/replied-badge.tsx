import type { LeadView } from '@advisordesk/shared';

/** WhatsApp's green: the lead's last WhatsApp message is theirs, and nobody has answered it yet. */
export function RepliedBadge({ lead }: { lead: Pick<LeadView, 'whatsappUnanswered' | 'fullName'> }) {
  if (!lead.whatsappUnanswered) return null;
  return (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 11, fontWeight: 600, color: '#128c4a', whiteSpace: 'nowrap' }}
      title={`${lead.fullName} replied on WhatsApp; not answered yet`}
      data-testid="replied-badge"
    >
      <span aria-hidden style={{ width: 8, height: 8, borderRadius: '50%', background: '#25D366', flex: 'none' }} />
      replied
    </span>
  );
}
