import { lazy } from 'react';

/**
 * The WhatsApp area: a lead's conversation (a section of the lead's page) and "Send on WhatsApp"
 * in the comparison share step, both placed by the shell.
 */
export const WhatsappPanel = lazy(() => import('./whatsapp-panel').then((module) => ({ default: module.WhatsappPanel })));
export const SendComparisonOnWhatsapp = lazy(() =>
  import('./send-comparison-button').then((module) => ({ default: module.SendComparisonOnWhatsapp })),
);
