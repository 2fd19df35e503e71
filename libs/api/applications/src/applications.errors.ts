import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';
import { UPLOAD_LINK_VALID_DAYS } from '@advisordesk/shared';

export const ApplicationErrors = defineErrors('applications', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Application not found' },
  documentNotFound: { status: HttpStatus.NOT_FOUND, message: 'Document not found' },
  fileNotFound: { status: HttpStatus.NOT_FOUND, message: 'No file has been uploaded for this document' },
  paymentNotFound: { status: HttpStatus.NOT_FOUND, message: 'Payment not found' },
  programNotFound: { status: HttpStatus.NOT_FOUND, message: 'Program not found' },
  alreadyApplied: { status: HttpStatus.CONFLICT, message: 'This lead already has an application to this program for this session' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'Someone else changed this application: reload it and try again' },
  sameStatus: { status: HttpStatus.CONFLICT, message: 'The application already has this status' },
  enrolledIsFinal: { status: HttpStatus.CONFLICT, message: 'An enrolled application is final' },
  backwardNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only a manager can move an application back' },
  reopenNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only a manager can reopen a rejected or withdrawn application' },
  leadErased: { status: HttpStatus.GONE, message: "This lead's personal data was erased" },
  noCurrentFee: { status: HttpStatus.BAD_REQUEST, message: 'This program has no current fee structure: give the session' },
  unsupportedFile: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'Upload a PDF, JPEG or PNG' },
  fileTooLarge: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    message: 'The file is larger than 10 MB: take the photo again at a lower size, or scan to PDF',
  },
  notMultipart: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'Send the file as multipart/form-data in the field "file"' },
  nothingToUpload: { status: HttpStatus.CONFLICT, message: 'This document was verified already: nothing to upload' },
  linkNotFound: { status: HttpStatus.NOT_FOUND, message: 'This upload link does not exist' },
  linkExpired: {
    status: HttpStatus.GONE,
    message: `This upload link has expired (links last ${UPLOAD_LINK_VALID_DAYS} days): ask your advisor for a new one`,
  },
  rejectionNeedsNote: { status: HttpStatus.BAD_REQUEST, message: 'Say why the document is rejected: the student will read it' },
  paymentNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only a manager can delete a payment' },
});
