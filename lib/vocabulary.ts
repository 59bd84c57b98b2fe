// The words trackend classifies listings with. The database enums, the classifier, the
// filters and the API validation all read these lists, so they can never drift apart.

export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'unknown'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const ROLES = ['backend', 'fullstack', 'frontend', 'devops', 'data', 'mobile', 'other'] as const;
export type Role = (typeof ROLES)[number];

export const REMOTE_KINDS = ['remote', 'hybrid', 'onsite', 'unknown'] as const;
export type RemoteKind = (typeof REMOTE_KINDS)[number];

export const SALARY_PERIODS = ['year', 'month', 'week', 'day', 'hour'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** Programming languages a learner can specialise in: stable slug -> label shown to users. */
export const LANGUAGES = {
  go: 'Go',
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  kotlin: 'Kotlin',
  scala: 'Scala',
  csharp: 'C#',
  cpp: 'C++',
  c: 'C',
  rust: 'Rust',
  ruby: 'Ruby',
  php: 'PHP',
  elixir: 'Elixir',
  erlang: 'Erlang',
  clojure: 'Clojure',
  haskell: 'Haskell',
  ocaml: 'OCaml',
  fsharp: 'F#',
  swift: 'Swift',
  dart: 'Dart',
  perl: 'Perl',
} as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_SLUGS = Object.keys(LANGUAGES) as Language[];

export interface Salary {
  min: number | null;
  max: number | null;
  currency: string; // ISO 4217
  period: SalaryPeriod;
}

/** The application pipeline, in the order an application moves through it. */
export const APPLICATION_STATUSES = ['saved', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where the job was found: what "which sources answer" groups by (boards one by one). */
export const APPLICATION_SOURCES = ['board', 'company_site', 'referral', 'recruiter', 'cold_email', 'linkedin', 'other'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** A timeline entry is a status change (or a note on one) or a dated interview. */
export const APPLICATION_EVENT_KINDS = ['status', 'interview'] as const;
export type ApplicationEventKind = (typeof APPLICATION_EVENT_KINDS)[number];

export const TIME_KINDS = ['applying', 'learning', 'building'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];

/** The steps of the "become a backend developer" path that learning time is logged against. */
export const LEARNING_AREAS = ['fundamentals', 'servers', 'dsa', 'databases', 'projects', 'deploying'] as const;
export type LearningArea = (typeof LEARNING_AREAS)[number];

export const PROJECT_STATUSES = ['building', 'deployed'] as const;

/** Kinds of interview an application can hold (the calendar and the timeline show the label). */
export const INTERVIEW_KINDS = ['phone_screen', 'technical', 'onsite', 'behavioral', 'final', 'other'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABEL: Record<InterviewKind, string> = {
  phone_screen: 'Phone screen',
  technical: 'Technical',
  onsite: 'Onsite',
  behavioral: 'Behavioral',
  final: 'Final',
  other: 'Interview',
};
