/**
 * How date pickers write what they hold, in the one date style of `formatIstDateTime`
 * (`@advisordesk/shared`): `28 Nov 2026` and `28 Nov 2026, 1:20 pm` (dayjs format strings).
 */
export const PICKER_DAY_FORMAT = 'D MMM YYYY';
export const PICKER_TIME_FORMAT = 'h:mm a';
export const PICKER_DATE_TIME_FORMAT = `${PICKER_DAY_FORMAT}, ${PICKER_TIME_FORMAT}`;
