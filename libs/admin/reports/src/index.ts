import { lazy } from 'react';

/**
 * The reports area: the funnel, conversion by group, the weekly trend and advisor productivity,
 * and the same charts on the managers' dashboard. The chart library loads with them, never before.
 */
export const ReportsPage = lazy(() => import('./reports-page'));
/** The dashboard's conversion charts for admins and managers (a slot the shell fills). */
export const ManagerCharts = lazy(() => import('./manager-charts').then((module) => ({ default: module.ManagerCharts })));
/** Marketing's home charts: conversion by source and by campaign, last 90 days (a slot the shell fills). */
export const MarketingCharts = lazy(() => import('./marketing-charts').then((module) => ({ default: module.MarketingCharts })));
