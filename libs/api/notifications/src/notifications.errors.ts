import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const NotificationErrors = defineErrors('notifications', {
  ticketInvalid: { status: HttpStatus.UNAUTHORIZED, message: 'This stream ticket is unknown, used or expired: ask for a new one' },
  digestLinkNotFound: { status: HttpStatus.NOT_FOUND, message: 'This unsubscribe link is not valid' },
  hoursInvalid: { status: HttpStatus.BAD_REQUEST, message: 'The working day must end after it starts' },
});
