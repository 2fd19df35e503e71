import { createContext, useContext, type ComponentType } from 'react';
import type { CrudFilters, CrudSort } from '@refinedev/core';
import type { UserView } from '@advisordesk/shared';

/**
 * Where one area's screen shows a piece of another area. Areas never import each other: the shell
 * fills these with the other libraries' components (lazily loaded, so render them in <Suspense>),
 * and a screen shows whatever it is given, or nothing.
 */
export interface AreaSlots {
  /** Below a lead's timeline, unless the lead is erased (applications, WhatsApp, the shortlist). */
  leadSections?: ComponentType<{ leadId: string }>[];
  /** "Export CSV" of the leads a list or report shows (exports). */
  leadExport?: ComponentType<{ filters: CrudFilters; sorters: CrudSort[] }>;
  /** The dashboard's charts of the team's conversion, for managers and admins (reports). */
  dashboardCharts?: ComponentType;
  /** The dashboard's day of work, for roles that work leads (leads). */
  dashboardWork?: ComponentType<{ user: UserView }>;
  /** Below the dashboard's day of work, for the roles that may read them (applications: deadlines and documents to review). */
  dashboardSections?: ComponentType<{ user: UserView }>[];
  /** Marketing's home: its segments, its recent exports and the conversion charts (marketing). */
  dashboardMarketing?: ComponentType<{ user: UserView }>;
  /** Marketing's conversion by source and by campaign (reports). */
  marketingCharts?: ComponentType;
  /** The signed-in person's latest exports (exports). */
  myExports?: ComponentType;
  /** Below a program's fees (applications: the program's document checklist). */
  programSections?: ComponentType<{ programId: string }>[];
  /** More sections of the settings page, each showing only to the roles it is for (applications: the default checklist). */
  settingsSections?: ComponentType[];
  /** Beside a comparison's copy link and "Open WhatsApp": sending it through the WhatsApp Business Platform (whatsapp). */
  comparisonSend?: ComponentType<{ leadId: string; comparisonId: string }>;
  /** In the header, before the signed-in person (notifications: the bell). */
  headerActions?: ComponentType[];
  /** The signed-in person's own pages, in the header's user menu (notifications: "My notifications"). */
  userMenuLinks?: UserMenuLink[];
}

/** A page of the user menu: its label and where it goes. */
export interface UserMenuLink {
  key: string;
  label: string;
  path: string;
}

const AreaSlotsContext = createContext<AreaSlots>({});

export const AreaSlotsProvider = AreaSlotsContext.Provider;

export function useAreaSlots(): AreaSlots {
  return useContext(AreaSlotsContext);
}
