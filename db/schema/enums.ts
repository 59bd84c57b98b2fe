import { pgEnum } from 'drizzle-orm/pg-core';
import {
  APPLICATION_EVENT_KINDS,
  APPLICATION_SOURCES,
  APPLICATION_STATUSES,
  LEARNING_AREAS,
  PROJECT_STATUSES,
  REMOTE_KINDS,
  ROLES,
  SALARY_PERIODS,
  SENIORITIES,
  TIME_KINDS,
} from '../../lib/vocabulary';

// Postgres enums: a typo in a status can never reach a row.
export const boardKind = pgEnum('board_kind', ['rss', 'json', 'html']);
export const ingestStatus = pgEnum('ingest_status', ['running', 'succeeded', 'not_modified', 'failed']);
export const remoteKind = pgEnum('remote_kind', REMOTE_KINDS);
export const seniority = pgEnum('seniority', SENIORITIES);
export const role = pgEnum('role', ROLES);
export const salaryPeriod = pgEnum('salary_period', SALARY_PERIODS);

export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);
export const applicationSource = pgEnum('application_source', APPLICATION_SOURCES);
export const applicationEventKind = pgEnum('application_event_kind', APPLICATION_EVENT_KINDS);

export const timeKind = pgEnum('time_kind', TIME_KINDS);

export const learningArea = pgEnum('learning_area', LEARNING_AREAS);

export const projectStatus = pgEnum('project_status', PROJECT_STATUSES);
