import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const ComparisonErrors = defineErrors('comparisons', {
  itemNotFound: { status: HttpStatus.NOT_FOUND, message: 'Shortlist item not found' },
  alreadyShortlisted: { status: HttpStatus.CONFLICT, message: 'This program is already on the shortlist' },
  notFound: { status: HttpStatus.NOT_FOUND, message: 'This comparison does not exist' },
  expired: { status: HttpStatus.GONE, message: 'This comparison has expired: ask your advisor for a fresh one' },
  leadErased: { status: HttpStatus.BAD_REQUEST, message: "This lead's personal data was erased" },
  minorWithoutGuardian: {
    status: HttpStatus.CONFLICT,
    message: "The student is a minor: no comparison is sent to them until a guardian's consent is verified",
  },
  noPhone: { status: HttpStatus.BAD_REQUEST, message: 'The lead has no phone number to send a WhatsApp message to' },
});
