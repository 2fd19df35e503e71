import { LEAD_MODE_LABELS, LEAD_MODES, LEAD_SOURCE_LABELS, LEAD_SOURCES, PROGRAM_LEVEL_LABELS, PROGRAM_LEVELS } from '@advisordesk/shared';

/** A select's choices: the values of one of the shared vocabularies, in order, with their labels. */
export function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The choices several areas offer (lead and program forms, list and report filters). */
export const LEVEL_OPTIONS = optionsOf(PROGRAM_LEVELS, PROGRAM_LEVEL_LABELS);
export const MODE_OPTIONS = optionsOf(LEAD_MODES, LEAD_MODE_LABELS);
export const SOURCE_OPTIONS = optionsOf(LEAD_SOURCES, LEAD_SOURCE_LABELS);
