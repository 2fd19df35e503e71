import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { rolesThatCanRead } from '@advisordesk/shared';
import { idOf, Public } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadsErrors } from '@advisordesk/api-leads';
import { ConversationService } from './conversation.service';
import { WebhookService } from './webhook.service';
import { WhatsappSettingsDto } from './whatsapp-settings.dto';
import { WhatsappSettingsService } from './whatsapp-settings.service';

const leadId = idOf(LeadsErrors.notFound);

/** `GET /api/leads/:id/messages`: the conversation, with the leads' row-level access. */
@ApiTags('whatsapp')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('leads'))
@Controller('leads/:id/messages')
export class ConversationController {
  constructor(private readonly conversation: ConversationService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id', leadId) id: string) {
    return this.conversation.messages(user, id);
  }
}

/** Whether sending is connected (everyone who reads leads), and the admins' test call. */
@ApiTags('whatsapp')
@ApiBearerAuth()
@Controller('whatsapp/connection')
export class ConnectionController {
  constructor(private readonly settings: WhatsappSettingsService) {}

  @Get()
  @Roles(...rolesThatCanRead('leads'))
  get() {
    return this.settings.connection();
  }

  @Post('check')
  @HttpCode(200)
  @Roles('admin')
  check() {
    return this.settings.check();
  }
}

/** `GET|PUT /api/settings/whatsapp`: admins edit, managers read. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/whatsapp')
export class WhatsappSettingsController {
  constructor(private readonly settings: WhatsappSettingsService) {}

  @Get()
  @Roles('admin', 'manager')
  get() {
    return this.settings.settings();
  }

  @Put()
  @Roles('admin')
  update(@Body() body: WhatsappSettingsDto) {
    return this.settings.update(body);
  }
}

/**
 * Meta's webhook (public: Meta signs, nobody signs in). `GET` is the subscription handshake;
 * `POST` carries messages and statuses, its raw bytes kept by `configureApp` for the signature.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/whatsapp')
export class WhatsappWebhookController {
  constructor(private readonly webhook: WebhookService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  verify(@Query('hub.mode') mode: unknown, @Query('hub.verify_token') token: unknown, @Query('hub.challenge') challenge: unknown) {
    return this.webhook.verify(mode, token, challenge);
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: Request) {
    await this.webhook.receive(req.body, req.headers['x-hub-signature-256']);
    return { received: true };
  }
}
