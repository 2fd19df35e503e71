/** The one error body the API answers with: `{statusCode, error, code, message, fields?, requestId}`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** `<area>.<name>`, e.g. `leads.staleVersion`: each area declares its codes once. */
  code: string;
  message: string;
  /** Each wrong field with what is wrong with it. */
  fields?: FieldProblem[];
  requestId?: string;
  /** `leads.phoneTaken`: who has the lead, and its id when the caller may open it. */
  owner?: { id: string; name: string } | null;
  leadId?: string;
  /** `leads.phoneTaken` for someone who may not open the lead: the id to ask for it by (`POST /api/leads/:id/transfer-requests`); it opens nothing. */
  transferLeadId?: string;
  /** `leads.openWork` (deactivating a user who still has open work): how much. */
  openLeads?: number;
  openTasks?: number;
  /** `leads.staleVersion`: who changed the lead last (null: not recorded, for changes made before it was) and when. */
  updatedBy?: { id: string; name: string } | null;
  updatedAt?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}
