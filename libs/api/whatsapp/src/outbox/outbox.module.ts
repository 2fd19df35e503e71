import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { IntakeService, LeadsModule } from '@advisordesk/api-leads';
import { CloudApiClient, WHATSAPP_CONFIG } from '../cloud-api.client';
import { loadWhatsappConfig } from '../whatsapp.config';
import { OutboxController } from './outbox.controller';
import { OutboxSender } from './outbox.sender';
import { OutboxService } from './outbox.service';

/** Sending on WhatsApp: the endpoints, the `whatsapp.send` outbox job and its sweep, the welcome template after a Quick Inquiry. */
@Module({
  imports: [AuthModule, LeadsModule],
  controllers: [OutboxController],
  providers: [{ provide: WHATSAPP_CONFIG, useFactory: () => loadWhatsappConfig(process.env) }, CloudApiClient, OutboxService, OutboxSender],
  exports: [OutboxService],
})
export class WhatsappOutboxModule implements OnModuleInit {
  constructor(
    private readonly intake: IntakeService,
    private readonly outbox: OutboxService,
    private readonly sender: OutboxSender,
  ) {}

  /** The leads library knows nothing of WhatsApp: it calls back once a Quick Inquiry created a lead. */
  onModuleInit(): void {
    this.intake.onLeadCreated(async (leadId) => {
      if (!this.sender.configured()) return;
      await this.outbox.welcome([leadId], await this.sender.settings());
    });
  }
}
