import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { CloudApiClient, WHATSAPP_CONFIG } from './cloud-api.client';
import { ConversationService } from './conversation.service';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxSender } from './outbox/outbox.sender';
import { OutboxService } from './outbox/outbox.service';
import { WebhookService } from './webhook.service';
import { loadWhatsappConfig } from './whatsapp.config';
import { ConnectionController, ConversationController, WhatsappSettingsController, WhatsappWebhookController } from './whatsapp.controller';
import { WhatsappSettingsService } from './whatsapp-settings.service';

/** The configuration, read when the app is built: a ConfigError stops the start. */
export const whatsappConfigProvider = { provide: WHATSAPP_CONFIG, useFactory: () => loadWhatsappConfig(process.env) };

/**
 * WhatsApp (Meta's Cloud API): configuration, the Graph client, the webhook and inbound messages,
 * the conversation, the connection and the settings. Needs `JobsModule.forRoot()` (the webhook's job).
 * Reads the WHATSAPP_* variables when the app is built: half a configuration stops the start.
 */
@Module({
  imports: [AuthModule, LeadsModule],
  controllers: [ConversationController, ConnectionController, WhatsappSettingsController, WhatsappWebhookController, OutboxController],
  providers: [whatsappConfigProvider, CloudApiClient, WebhookService, ConversationService, WhatsappSettingsService, OutboxService, OutboxSender],
  exports: [WHATSAPP_CONFIG, CloudApiClient, ConversationService, WhatsappSettingsService, WebhookService, OutboxService],
})
export class WhatsappModule {}
