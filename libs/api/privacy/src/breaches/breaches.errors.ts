import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '@advisordesk/api-core';

export const BreachErrors = defineErrors('breaches', {
  notFound: { status: HttpStatus.NOT_FOUND, message: 'Breach not found' },
  staleVersion: { status: HttpStatus.CONFLICT, message: 'Someone else changed this breach: the answer holds it as it is now' },
  unknownLeads: { status: HttpStatus.BAD_REQUEST, message: 'leadIds: some ids are not leads' },
  noneAffected: {
    status: HttpStatus.BAD_REQUEST,
    message: 'leadIds: name the affected people, by their lead ids or by the period their records were created in (createdFrom and createdTo)',
  },
  statusMove: { status: HttpStatus.BAD_REQUEST, message: 'status: a breach moves from open to reported, then to closed' },
  nothingToChange: { status: HttpStatus.BAD_REQUEST, message: 'status: send a new status or new measures' },
});
