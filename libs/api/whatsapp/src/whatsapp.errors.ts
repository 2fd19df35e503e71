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
  // Sending (the outbox): checked in this order before anything is queued.
  erased: { status: HttpStatus.CONFLICT, message: "This lead's personal data was erased: nothing can be sent to them" },
  noConsent: { status: HttpStatus.CONFLICT, message: 'The student has not agreed to WhatsApp messages' },
  minorWithoutGuardian: {
    status: HttpStatus.CONFLICT,
    message: "The student is a minor: WhatsApp messages go to them only once a guardian's consent is verified",
  },
  noPhone: { status: HttpStatus.CONFLICT, message: 'The lead has no phone number to send a WhatsApp message to' },
  windowClosed: {
    status: HttpStatus.CONFLICT,
    message: "More than 24 hours since the student's last message: free text is not allowed, send a template",
  },
  comparisonNotFound: { status: HttpStatus.NOT_FOUND, message: 'This lead has no such comparison' },
  comparisonExpired: { status: HttpStatus.CONFLICT, message: 'This comparison has expired: create a fresh one to send' },
  messageNotFound: { status: HttpStatus.NOT_FOUND, message: 'This lead has no such message' },
  notRetryable: { status: HttpStatus.CONFLICT, message: 'Only a message we sent that failed can be sent again' },
});
