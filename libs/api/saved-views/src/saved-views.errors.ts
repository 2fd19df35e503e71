import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const SavedViewErrors = defineErrors('savedViews', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Saved view not found' },
  shareForManagers: { status: HttpStatus.FORBIDDEN, message: 'shared: only managers and admins may share a view with everyone' },
  nameTaken: { status: HttpStatus.CONFLICT, message: 'name: you already have a view of this list with that name' },
  notYourList: { status: HttpStatus.FORBIDDEN, message: 'resource: your role does not save views of this list' },
});
