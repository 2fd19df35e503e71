import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const LeadsErrors = defineErrors('leads', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Lead not found' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'This lead changed in another window or by someone else: reload it' },
  sameStatus: { status: HttpStatus.BAD_REQUEST, message: 'The lead is already in this status' },
  enrolledIsFinal: { status: HttpStatus.BAD_REQUEST, message: 'An enrolled lead cannot be marked lost' },
  backwardNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only a manager can move a lead back in the pipeline' },
  reopenNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only a manager can reopen a lost lead' },
  lostNeedsReason: { status: HttpStatus.BAD_REQUEST, message: 'lostReason is required when a lead is lost' },
  phoneTaken: { status: HttpStatus.CONFLICT, message: 'A lead with this phone number already exists' },
  notAnAdvisor: { status: HttpStatus.BAD_REQUEST, message: 'advisorId must be an active advisor' },
  erased: { status: HttpStatus.GONE, message: "This lead's personal data was erased" },
  taskNotFound: { status: HttpStatus.NOT_FOUND, message: 'Task not found' },
  idempotencyKeyReused: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'This Idempotency-Key was used for a different inquiry: send a new key with a new inquiry',
  },
  transferNotFound: { status: HttpStatus.NOT_FOUND, message: 'Transfer request not found' },
  transferForAdvisors: { status: HttpStatus.FORBIDDEN, message: 'Only advisors ask for a lead: managers assign leads themselves' },
  alreadyYours: { status: HttpStatus.BAD_REQUEST, message: 'This lead is already yours' },
  transferResolved: { status: HttpStatus.CONFLICT, message: 'This request was already answered' },
  requesterInactive: { status: HttpStatus.CONFLICT, message: 'The advisor who asked is no longer active: decline the request' },
  openWork: { status: HttpStatus.CONFLICT, message: 'This user still has open leads or follow-ups: hand them over first (reassignTo)' },
  noAdvisorToHandTo: { status: HttpStatus.BAD_REQUEST, message: 'reassignTo: there is no other active advisor to hand the work to' },
  notAHandoverAdvisor: {
    status: HttpStatus.BAD_REQUEST,
    message: 'reassignTo must be an active advisor other than the user being deactivated, or "auto"',
  },
  consentNothingGiven: { status: HttpStatus.BAD_REQUEST, message: 'whatsapp or marketing is required: say what the person agreed to or withdrew' },
  bulkAssignNeedsManager: { status: HttpStatus.FORBIDDEN, message: 'Only managers and admins assign leads' },
  bulkOperationNotFound: { status: HttpStatus.NOT_FOUND, message: 'Bulk operation not found' },
  bulkNoteErased: { status: HttpStatus.CONFLICT, message: "The note was removed by a person's erasure request before every lead had it" },
  unsubscribeNotFound: { status: HttpStatus.NOT_FOUND, message: 'This link is not valid' },
  mergeWithItself: { status: HttpStatus.BAD_REQUEST, message: 'otherId: a lead cannot be merged with itself' },
  mergeErased: { status: HttpStatus.BAD_REQUEST, message: 'otherId: a lead whose personal data was erased cannot be merged' },
  mergeApplicationClash: {
    status: HttpStatus.CONFLICT,
    message: 'Both leads applied to the same program for the same session: withdraw or remove one application, then merge',
  },
});
