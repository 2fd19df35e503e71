import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const JobErrors = defineErrors('jobs', {
  queueNotFound: { status: HttpStatus.NOT_FOUND, message: 'There is no such job queue' },
  jobNotFound: { status: HttpStatus.NOT_FOUND, message: 'There is no failed job with this id in the queue' },
  checkNotFound: { status: HttpStatus.NOT_FOUND, message: 'There is no check job with this id' },
});
