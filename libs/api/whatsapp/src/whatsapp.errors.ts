import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const WhatsappErrors = defineErrors('whatsapp', {
  notConfigured: {
    status: HttpStatus.CONFLICT,
    message: 'WhatsApp is not connected: an admin sets the WHATSAPP_* configuration (README, "How to connect a WhatsApp Business number")',
  },
  webhookNotConfigured: { status: HttpStatus.NOT_FOUND, message: 'Not found' },
  badSignature: { status: HttpStatus.UNAUTHORIZED, message: 'The X-Hub-Signature-256 header is missing or does not match the body' },
  verifyRefused: { status: HttpStatus.FORBIDDEN, message: 'The verify token does not match' },
  notJson: { status: HttpStatus.BAD_REQUEST, message: 'The webhook body is not JSON' },
  welcomeNeedsTemplate: { status: HttpStatus.BAD_REQUEST, message: 'welcomeTemplate is required when welcomeEnabled is true' },
});
