/**
 * The reports contract: the funnel, conversion by group and advisor productivity, as the API
 * answers them. Rates are fractions 0..1; days (`from`, `to`) are calendar days in Asia/Kolkata.
 */
import type { PipelineStage } from '../lead-status';

/** One pipeline stage: the leads that reached it, and the conversion from the stage before and from the start. */
export interface FunnelStage {
  stage: PipelineStage;
  reached: number;
  fromPrevious: number | null;
  fromStart: number | null;
}

/** `GET /api/reports/funnel`: the stages in pipeline order, and how many of the cohort were lost. */
export interface FunnelReport {
  stages: FunnelStage[];
  lost: number;
}

/** What `GET /api/reports/conversion?groupBy=` groups by. */
export const CONVERSION_GROUP_BY = ['advisor', 'source', 'utmSource', 'utmCampaign', 'level', 'week'] as const;
export type ConversionGroupBy = (typeof CONVERSION_GROUP_BY)[number];

export const CONVERSION_GROUP_LABELS: Record<ConversionGroupBy, string> = {
  advisor: 'Advisor',
  source: 'Source',
  utmCampaign: 'Campaign',
  level: 'Level',
  utmSource: 'UTM source',
  week: 'Week',
};

/** Marketing sees source and campaign figures, never an advisor's (nor a level's). */
export const MARKETING_CONVERSION_GROUPS: readonly ConversionGroupBy[] = ['source', 'utmSource', 'utmCampaign', 'week'];

export interface ConversionRow {
  /** The group's value (`none` for leads without one). */
  key: string;
  label: string;
  leads: number;
  enrolled: number;
  conversionRate: number;
  medianDaysToFirstContact: number | null;
  medianDaysToEnrolment: number | null;
}

/** `GET /api/reports/conversion`. */
export interface ConversionReport {
  groupBy: ConversionGroupBy;
  /**
   * The medians came from kept buckets (advisor, source, campaign or level over a period holding a
   * whole month, with no other filter): each within 1 % of the exact median ("≈"). Counts are exact.
   */
  mediansApproximate: boolean;
  rows: ConversionRow[];
}

/** How far an approximate median may be from the exact one, as the report's help says it. */
export const APPROXIMATE_MEDIAN_ERROR = 0.01;

/** `GET /api/reports/productivity`: one advisor's figures for the period (an advisor sees only theirs). */
export interface AdvisorProductivity {
  advisorId: string;
  advisorName: string;
  active: boolean;
  assigned: number;
  contactedWithin24h: number;
  contactedWithin24hRate: number;
  enrolled: number;
  conversionRate: number;
  followUpsDone: number;
  followUpsOverdue: number;
  /**
   * Speed to lead: the median working minutes (within the working hours, Asia/Kolkata) from arrival
   * to first contact of the period's contacted leads (null: none was contacted).
   */
  medianMinutesToFirstContact: number | null;
  /** Leads of the period whose first contact came after their due time (arrival + the SLA in working hours), or has not come and is late. */
  firstContactBreaches: number;
}
