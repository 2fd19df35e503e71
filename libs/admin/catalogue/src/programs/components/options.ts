import { CREDENTIAL_TYPE_LABELS, CREDENTIAL_TYPES } from '@advisordesk/shared';
import { optionsOf } from '@advisordesk/admin-ui';

export { LEVEL_OPTIONS, MODE_OPTIONS } from '@advisordesk/admin-ui';
export const CREDENTIAL_OPTIONS = optionsOf(CREDENTIAL_TYPES, CREDENTIAL_TYPE_LABELS);
