import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { WhatsappMessageView } from '@advisordesk/shared';
import { queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LeadsService } from '@advisordesk/api-leads';

/** The columns of a `WhatsappMessageView` on `whatsapp_messages m LEFT JOIN users u ON u.id = m.sent_by`. */
export const WHATSAPP_MESSAGE_COLUMNS = `m.id, m.lead_id AS "leadId", m.direction, m.kind, m.text, m.template, m.status, m.error_code AS "errorCode",
  m.error_title AS "errorTitle", m.wa_message_id AS "waMessageId", m.sent_by AS "sentById", u.name AS "sentByName",
  m.created_at AS "createdAt", m.status_at AS "statusAt"`;

@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /** A lead's WhatsApp conversation, oldest first; 404 for a lead the user may not see. */
  async messages(user: AuthUser, leadId: string): Promise<WhatsappMessageView<Date>[]> {
    await this.leads.assertVisible(user, leadId);
    return queryRows<WhatsappMessageView<Date>>(
      this.dataSource,
      `SELECT ${WHATSAPP_MESSAGE_COLUMNS} FROM whatsapp_messages m LEFT JOIN users u ON u.id = m.sent_by
        WHERE m.lead_id = $1 ORDER BY m.created_at, m.id`,
      [leadId],
    );
  }
}
