import type { Application, ApplicationEvent } from '../../db/schema';

// The JSON shape of an application in the API (dates as ISO strings, internal columns left out).

export interface ApplicationJson {
  id: string;
  status: Application['status'];
  company: string;
  title: string;
  url: string | null;
  listingId: number | null;
  board: string | null;
  notes: string;
  contact: string | null;
  salaryDiscussed: string | null;
  resumeLink: string | null;
  source: Application['source'];
  location: string | null;
  contactEmail: string | null;
  /** What the job's page said, when it was saved from a link. */
  posting: Application['posting'];
  appliedAt: string | null;
  nextFollowUpAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function applicationJson(a: Application): ApplicationJson {
  return {
    id: a.id,
    status: a.status,
    company: a.company,
    title: a.title,
    url: a.url,
    listingId: a.listingId,
    board: a.board,
    notes: a.notes,
    contact: a.contact,
    salaryDiscussed: a.salaryDiscussed,
    resumeLink: a.resumeLink,
    source: a.source,
    location: a.location,
    contactEmail: a.contactEmail,
    posting: a.posting,
    appliedAt: iso(a.appliedAt),
    nextFollowUpAt: iso(a.nextFollowUpAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function eventJson(e: ApplicationEvent) {
  return { id: e.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, at: e.at.toISOString() };
}
