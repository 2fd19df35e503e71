import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const ExportErrors = defineErrors('exports', {
  notRecorded: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'The export could not be recorded in the export log, so it did not run: try again in a moment',
  },
});
