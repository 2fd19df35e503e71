import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const PrivacyErrors = defineErrors('privacy', {
  requestNotFound: { status: HttpStatus.NOT_FOUND, message: 'No request with this reference' },
  wrongCode: { status: HttpStatus.BAD_REQUEST, message: 'This code is not the one we sent' },
  codeExpired: { status: HttpStatus.BAD_REQUEST, message: 'This code has expired: ask for a new one' },
  tooManyWrongCodes: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Five wrong codes: this request has ended. Please make a new request, or write to us',
  },
  notWaitingForCode: { status: HttpStatus.BAD_REQUEST, message: 'This request is not waiting for a code' },
  noCodeChannel: { status: HttpStatus.BAD_REQUEST, message: 'We cannot send a code for this request: our staff will call you' },
  notUnverified: { status: HttpStatus.CONFLICT, message: 'This request is already verified or answered' },
  notOpen: { status: HttpStatus.CONFLICT, message: 'Only an open (verified) request can be resolved' },
  nothingHeld: { status: HttpStatus.NOT_FOUND, message: 'This number is not one of our leads: we hold nothing about it' },
  leadErased: { status: HttpStatus.GONE, message: "This person's data was already erased" },
  notAMinor: { status: HttpStatus.BAD_REQUEST, message: 'This lead is not marked as a minor' },
  guardianAlreadyVerified: { status: HttpStatus.BAD_REQUEST, message: "The guardian's consent is already verified" },
  noGuardianPhone: { status: HttpStatus.BAD_REQUEST, message: "The lead has no guardian's phone number: add it first" },
  noGuardianChannel: {
    status: HttpStatus.CONFLICT,
    message: 'WhatsApp is not connected, so no code can be sent: call the guardian and record the call',
  },
  noGuardianCode: { status: HttpStatus.BAD_REQUEST, message: 'No code was sent to the guardian yet: send one first' },
  codeNotSent: { status: HttpStatus.BAD_GATEWAY, message: 'WhatsApp did not accept the code' },
});
