import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

/** Why a message cannot be sent (or sent again): checked in this order, before anything is queued. */
export const OutboxErrors = defineErrors('whatsapp', {
  notConfigured: { status: HttpStatus.CONFLICT, message: 'WhatsApp sending is not connected: an admin must configure the WhatsApp Business number' },
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
