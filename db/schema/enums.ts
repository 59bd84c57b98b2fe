import { pgEnum } from 'drizzle-orm/pg-core';
import { REMOTE_KINDS, ROLES, SALARY_PERIODS, SENIORITIES } from '../../lib/vocabulary';

// Postgres enums: a typo in a status can never reach a row.
export const boardKind = pgEnum('board_kind', ['rss', 'json', 'html']);
export const ingestStatus = pgEnum('ingest_status', ['running', 'succeeded', 'not_modified', 'failed']);
export const remoteKind = pgEnum('remote_kind', REMOTE_KINDS);
export const seniority = pgEnum('seniority', SENIORITIES);
export const role = pgEnum('role', ROLES);
export const salaryPeriod = pgEnum('salary_period', SALARY_PERIODS);

export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'ghosted',
] as const;
export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);

export const TIME_KINDS = ['applying', 'learning', 'building'] as const;
export const timeKind = pgEnum('time_kind', TIME_KINDS);

/** The steps of the "become a backend developer" path that learning time is logged against. */
export const LEARNING_AREAS = ['fundamentals', 'servers', 'dsa', 'databases', 'projects', 'deploying'] as const;
export const learningArea = pgEnum('learning_area', LEARNING_AREAS);

export const PROJECT_STATUSES = ['building', 'deployed'] as const;
export const projectStatus = pgEnum('project_status', PROJECT_STATUSES);
