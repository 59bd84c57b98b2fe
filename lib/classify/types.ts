import type { RawListing } from '../../scrapers/types';
import type { Language, RemoteKind, Role, Salary, Seniority } from '../vocabulary';

export interface ClassifyInput {
  title: string;
  tags: string[];
  /** Plain text (see htmlToText); may be 20 KB. */
  descriptionText: string;
  location: string | null;
  salaryText: string | null;
  /** Facts the board states outright: they beat anything inferred from text. */
  stated?: RawListing['stated'];
}

export interface Classification {
  /** Strongest evidence first: title, then tags, then description. */
  languages: Language[];
  seniority: Seniority;
  role: Role;
  remote: RemoteKind;
  /** Whole units (120k -> 120000); null when no amount or no currency can be told. */
  salary: Salary | null;
  /** Minimum years of experience asked ("3-5 years" -> 3). */
  yearsRequired: number | null;
  /** true required, false "or equivalent experience" / "no degree required", null not mentioned. */
  degreeRequired: boolean | null;
  /** true sponsors visas, false no sponsorship / must already be authorised, null unknown. */
  visaSponsorship: boolean | null;
  /** SKILLS slugs, in order of first evidence. */
  skills: string[];
}
