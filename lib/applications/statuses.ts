// Labels for the pipeline's statuses (the list itself lives in lib/vocabulary, with the
// other words the database enums are made of); free of database imports for client components.
import { APPLICATION_STATUSES, type ApplicationStatus } from '../vocabulary';

export { APPLICATION_STATUSES, type ApplicationStatus };

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

// Columns a CSV import can fill, with the labels the mapping step shows.
export const IMPORT_FIELDS = [
  'company',
  'title',
  'url',
  'status',
  'appliedAt',
  'nextFollowUpAt',
  'notes',
  'contact',
  'salaryDiscussed',
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
  notes: 'Notes',
  contact: 'Contact',
  salaryDiscussed: 'Salary discussed',
  resumeLink: 'Resume link',
};
