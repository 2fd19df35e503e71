/** The users contract: a user as the API answers it, sign-in, and what admins send to manage users. */
import type { Role } from '../roles';

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** E.164; shown to students as "Talk to your advisor" on the comparisons this user sends. */
  phone: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  user: UserView;
}

export const PASSWORD_MIN_LENGTH = 10;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

/** `POST /api/auth/login`. */
export interface LoginBody {
  email: string;
  password: string;
}

/** `POST /api/users` (admins). */
export interface CreateUserBody {
  name: string;
  email: string;
  role: Role;
  password: string;
  /** A mobile number (normalised to E.164), or null for none. */
  phone?: string | null;
  active?: boolean;
}

/** `PATCH /api/users/:id` (admins): nobody changes their own role or deactivates themselves. */
export type UpdateUserBody = Partial<CreateUserBody>;

/** `GET /api/users/:id/workload` (admins): what deactivating them would leave without an owner. */
export interface UserWorkload {
  /** Leads assigned to them that are neither enrolled nor lost. */
  openLeads: number;
  /** Follow-ups they own that are not done. */
  openTasks: number;
}

/** `DELETE /api/users/:id?reassignTo=<advisor id>|auto`: their open work goes to one advisor, or is spread by the assignment rule. */
export const REASSIGN_BY_RULE = 'auto';

/** What `DELETE /api/users/:id` answers: the user is deactivated, their open work handed over. */
export interface DeactivationResult {
  user: UserView;
  reassignedLeads: number;
  reassignedTasks: number;
}
