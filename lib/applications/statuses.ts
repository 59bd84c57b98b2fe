// Labels for the pipeline's statuses (the list itself lives in lib/vocabulary, with the
// other words the database enums are made of); free of database imports for client components.
import { APPLICATION_SOURCES, APPLICATION_STATUSES, type ApplicationSource, type ApplicationStatus } from '../vocabulary';

export { APPLICATION_SOURCES, APPLICATION_STATUSES, type ApplicationSource, type ApplicationStatus };

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  ghosted: 'Ghosted',
};

export const SOURCE_LABEL: Record<ApplicationSource, string> = {
  board: 'Job board',
  company_site: 'Company site',
  referral: 'Referral',
  recruiter: 'Recruiter',
  cold_email: 'Cold email',
  linkedin: 'LinkedIn',
  other: 'Other',
};

// Columns an import can fill, with the labels the mapping step shows.
export const IMPORT_FIELDS = [
  'company',
  'title',
  'url',
  'status',
  'appliedAt',
  'nextFollowUpAt',
  'interviewAt',
  'notes',
  'contact',
  'contactEmail',
  'salaryDiscussed',
  'location',
  'source',
  'board',
  'resumeLink',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Record<ImportField, string | null>;

export const IMPORT_FIELD_LABEL: Record<ImportField, string> = {
  company: 'Company',
  title: 'Title',
  url: 'Link',
  status: 'Status',
  appliedAt: 'Date applied',
  nextFollowUpAt: 'Follow-up date',
  interviewAt: 'Interview date',
  notes: 'Notes',
  contact: 'Contact',
  contactEmail: 'Contact email',
  salaryDiscussed: 'Salary discussed',
  location: 'Location',
  source: 'Source',
  board: 'Board',
  resumeLink: 'Resume link',
};

/** Date columns: matched by header only when their cells read as dates. */
export const DATE_FIELDS = ['appliedAt', 'nextFollowUpAt', 'interviewAt'] as const satisfies readonly ImportField[];
