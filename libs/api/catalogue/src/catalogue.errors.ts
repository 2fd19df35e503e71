import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const CatalogueErrors = defineErrors('catalogue', {
  universityNotFound: { status: HttpStatus.NOT_FOUND, message: 'University not found' },
  programNotFound: { status: HttpStatus.NOT_FOUND, message: 'Program not found' },
  feeNotFound: { status: HttpStatus.NOT_FOUND, message: 'Fee structure not found' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'Someone else changed this record: reload it and try again' },
  duplicateUniversity: { status: HttpStatus.CONFLICT, message: 'A university with this name already exists' },
  duplicateProgram: { status: HttpStatus.CONFLICT, message: 'This university already has a program with this name' },
  totalMismatch: { status: HttpStatus.BAD_REQUEST, message: 'totalPaise must equal the sum of the components' },
  overwritesPanelEdits: {
    status: HttpStatus.CONFLICT,
    message: 'The file would replace fee structures edited in the panel after its date: confirm to replace them',
  },
  importInvalid: { status: HttpStatus.BAD_REQUEST, message: 'The import has errors: nothing was written' },
});
