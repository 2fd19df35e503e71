import { CREDENTIAL_TYPES, LEAD_MODES, PROGRAM_LEVELS, type CredentialType, type LeadMode, type ProgramLevel } from '@advisordesk/shared';
import { CREDENTIAL_LABELS, LEVEL_LABELS, MODE_LABELS } from '@advisordesk/admin-data';

export const LEVEL_OPTIONS = PROGRAM_LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value as ProgramLevel] }));
export const MODE_OPTIONS = LEAD_MODES.map((value) => ({ value, label: MODE_LABELS[value as LeadMode] }));
export const CREDENTIAL_OPTIONS = CREDENTIAL_TYPES.map((value) => ({ value, label: CREDENTIAL_LABELS[value as CredentialType] }));
