import type { Role } from './roles';

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  user: UserView;
}

/** The one error body the API answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
  requestId?: string;
  /** `leads.phoneTaken`: who has the lead, and its id when the caller may open it. */
  owner?: { id: string; name: string } | null;
  leadId?: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
