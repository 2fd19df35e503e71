import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idOf } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '@advisordesk/api-leads';
import { rolesThatCanWrite, type WhatsappQueued } from '@advisordesk/shared';
import { WhatsappErrors } from '../whatsapp.errors';
import { OutboxService } from './outbox.service';
import { SendWhatsappDto } from './send-message.dto';

const leadId = idOf(LeadsErrors.notFound);
const messageId = idOf(WhatsappErrors.messageNotFound);

/** Sending on WhatsApp from the lead's page: queued in the outbox (202), sent by a job. */
@ApiTags('whatsapp')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('leads'))
@Controller('leads')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  /** One of `{text}` (window open), `{template}`, `{comparisonId}`; 409 `whatsapp.notConfigured`, `.erased`, `.noConsent`, `.minorWithoutGuardian`, `.windowClosed`. */
  @Post(':id/messages')
  @HttpCode(202)
  send(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Body() body: SendWhatsappDto): Promise<WhatsappQueued> {
    return this.outbox.send(user, id, body);
  }

  /** A failed message we sent goes back to the outbox; 409 for any other message. */
  @Post(':id/messages/:messageId/retry')
  @HttpCode(202)
  retry(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string, @Param('messageId', messageId) message: string): Promise<WhatsappQueued> {
    return this.outbox.retry(user, id, message);
  }
}
