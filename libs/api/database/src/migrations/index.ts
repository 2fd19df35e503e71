import { UsersAndTokens1764400000000 } from './1764400000000-users-and-tokens';
import { Leads1764400100000 } from './1764400100000-leads';
import { Catalogue1764400200000 } from './1764400200000-catalogue';
import { ExportsAndReportIndexes1764400300000 } from './1764400300000-exports-and-report-indexes';
import { WebsiteForm1764400400000 } from './1764400400000-website-form';
import { AssignmentQueue1764400500000 } from './1764400500000-assignment-queue';
import { LeanerLeadIndexes1764400600000 } from './1764400600000-leaner-lead-indexes';
import { SearchIndexPendingLists1764400700000 } from './1764400700000-search-index-pending-lists';
import { LeadDayCounts1764400800000 } from './1764400800000-lead-day-counts';
import { SearchStatistics1764400900000 } from './1764400900000-search-statistics';
import { IdempotencyFingerprints1764401000000 } from './1764401000000-idempotency-fingerprints';
import { LeadTransferRequests1764401100000 } from './1764401100000-lead-transfer-requests';
import { FollowUpOutcomes1764401200000 } from './1764401200000-follow-up-outcomes';
import { CatalogueDailyUse1764401300000 } from './1764401300000-catalogue-daily-use';
import { LeadVocabulary1764401400000 } from './1764401400000-lead-vocabulary';
import { LeadUpdatedBy1764401400001 } from './1764401400001-lead-updated-by';
import { Jobs1764401600000 } from './1764401600000-jobs';
import { RateLimits1764401700000 } from './1764401700000-rate-limits';
import { Whatsapp1764401900000 } from './1764401900000-whatsapp';
import { Applications1764402100000 } from './1764402100000-applications';
import { Notifications1764402200000 } from './1764402200000-notifications';
import { LeadImports1764402300000 } from './1764402300000-lead-imports';
import { BulkOperations1764402400000 } from './1764402400000-bulk-operations';
import { LeadMerge1764402500000 } from './1764402500000-lead-merge';
import { SavedViews1764402600000 } from './1764402600000-saved-views';
import { ConsentNoticeParts1764402700000 } from './1764402700000-consent-notice-parts';
import { DataProtection1764402800000 } from './1764402800000-data-protection';
import { LeadDelayBuckets1764402900000 } from './1764402900000-lead-delay-buckets';
import { TasksDoneByOwner1764403000000 } from './1764403000000-tasks-done-by-owner';

/** Every migration, in order. Schema changes happen only here (never `synchronize`). */
export const MIGRATIONS = [
  UsersAndTokens1764400000000,
  Leads1764400100000,
  Catalogue1764400200000,
  ExportsAndReportIndexes1764400300000,
  WebsiteForm1764400400000,
  AssignmentQueue1764400500000,
  LeanerLeadIndexes1764400600000,
  SearchIndexPendingLists1764400700000,
  LeadDayCounts1764400800000,
  SearchStatistics1764400900000,
  IdempotencyFingerprints1764401000000,
  LeadTransferRequests1764401100000,
  FollowUpOutcomes1764401200000,
  CatalogueDailyUse1764401300000,
  LeadVocabulary1764401400000,
  LeadUpdatedBy1764401400001,
  Jobs1764401600000,
  RateLimits1764401700000,
  Whatsapp1764401900000,
  Applications1764402100000,
  Notifications1764402200000,
  LeadImports1764402300000,
  BulkOperations1764402400000,
  LeadMerge1764402500000,
  SavedViews1764402600000,
  ConsentNoticeParts1764402700000,
  DataProtection1764402800000,
  LeadDelayBuckets1764402900000,
  TasksDoneByOwner1764403000000,
];
