/** The phone rule is api-core's (users have phones too). */
export { IsMobilePhone } from '@advisordesk/api-core';
