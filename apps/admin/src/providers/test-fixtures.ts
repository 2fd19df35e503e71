import type { UserView } from '@advisordesk/shared';

/** The signed-in admin the provider tests use. */
export const TEST_ADMIN: UserView = {
  id: '6f1c2a52-7f39-4b8e-9b62-8f4f3e1d2c10',
  name: 'Asha Admin',
  email: 'admin@advisordesk.local',
  role: 'admin',
  phone: null,
  active: true,
  createdAt: '2026-04-01T04:00:00.000Z',
  updatedAt: '2026-04-01T04:00:00.000Z',
};
