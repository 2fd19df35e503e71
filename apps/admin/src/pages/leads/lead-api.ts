import type { QueryClient } from '@tanstack/react-query';
import { API_URL, httpClient } from '../../providers/http-client';
import type { Activity, CallLog, Inquiry, Lead, LeadTask, StatusChange } from './types';

/**
 * The lead actions that are not plain CRUD, straight over the panel's HTTP client (token,
 * refresh and `ApiRequestError` included). Query keys sit under Refine's own
 * (`['data', 'default', 'leads', …]`), so invalidating the leads resource refreshes them too,
 * and signing in as someone else drops them with the rest.
 */
export const leadKeys = {
  leads: ['data', 'default', 'leads'] as const,
  tasks: ['data', 'default', 'tasks'] as const,
  timeline: (id: string) => ['data', 'default', 'leads', 'timeline', id] as const,
  inquiries: (id: string) => ['data', 'default', 'leads', 'inquiries', id] as const,
  assignmentSettings: ['data', 'default', 'settings', 'assignment'] as const,
  advisors: ['data', 'default', 'users', 'advisors'] as const,
};

const leadUrl = (id: string, action = '') => `${API_URL}/leads/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export async function changeLeadStatus(id: string, body: StatusChange): Promise<Lead> {
  const { data } = await httpClient.post<Lead>(leadUrl(id, 'status'), body);
  return data;
}

export async function fetchLead(id: string): Promise<Lead> {
  const { data } = await httpClient.get<Lead>(leadUrl(id));
  return data;
}

export async function addLeadNote(id: string, text: string): Promise<Activity> {
  const { data } = await httpClient.post<Activity>(leadUrl(id, 'notes'), { text });
  return data;
}

export async function logLeadCall(id: string, call: CallLog): Promise<Activity> {
  const { data } = await httpClient.post<Activity>(leadUrl(id, 'calls'), call);
  return data;
}

export async function logLeadWhatsapp(id: string, text: string): Promise<Activity> {
  const { data } = await httpClient.post<Activity>(leadUrl(id, 'whatsapp'), { text });
  return data;
}

export async function assignLead(id: string, advisorId: string): Promise<Lead> {
  const { data } = await httpClient.post<Lead>(leadUrl(id, 'assign'), { advisorId });
  return data;
}

export async function eraseLead(id: string): Promise<Lead> {
  const { data } = await httpClient.post<Lead>(leadUrl(id, 'erase'), {});
  return data;
}

export async function fetchTimeline(id: string): Promise<Activity[]> {
  const { data } = await httpClient.get<Activity[]>(leadUrl(id, 'timeline'));
  return data;
}

export async function fetchInquiries(id: string): Promise<Inquiry[]> {
  const { data } = await httpClient.get<Inquiry[]>(leadUrl(id, 'inquiries'));
  return data;
}

export async function scheduleFollowUp(body: { leadId: string; dueAt: string; title?: string }): Promise<LeadTask> {
  const { data } = await httpClient.post<LeadTask>(`${API_URL}/tasks`, body);
  return data;
}

export async function updateTask(id: string, body: { done?: boolean; dueAt?: string; title?: string }): Promise<LeadTask> {
  const { data } = await httpClient.patch<LeadTask>(`${API_URL}/tasks/${encodeURIComponent(id)}`, body);
  return data;
}

export interface AdvisorOption {
  id: string;
  name: string;
}

/** Active advisors (admins and managers may read them), by name. */
export async function fetchActiveAdvisors(): Promise<AdvisorOption[]> {
  const { data } = await httpClient.get<AdvisorOption[]>(`${API_URL}/users`, { params: { role: 'advisor', active: 'true', _start: 0, _end: 200, _sort: 'name', _order: 'asc' } });
  return data.map(({ id, name }) => ({ id, name }));
}

export async function fetchAssignmentSettings(): Promise<{ autoAssign: boolean }> {
  const { data } = await httpClient.get<{ autoAssign: boolean }>(`${API_URL}/settings/assignment`);
  return data;
}

export async function updateAssignmentSettings(autoAssign: boolean): Promise<{ autoAssign: boolean }> {
  const { data } = await httpClient.patch<{ autoAssign: boolean }>(`${API_URL}/settings/assignment`, { autoAssign });
  return data;
}

/** After any change to a lead: its page, timeline, the lists, the board and the follow-ups. */
export function refreshLeadData(queryClient: QueryClient): Promise<void> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: leadKeys.leads }), queryClient.invalidateQueries({ queryKey: leadKeys.tasks })]).then(() => undefined);
}

/** The message of a stale version (409), the same wherever a lead is changed. */
export const STALE_MESSAGE = 'Someone else changed this lead — reloaded';
