// The contract between board scrapers and ingestion. Scrapers turn a board's response
// into plain RawListing objects and never touch the database; lib/ingest stores them. The
// words are lib/vocabulary's; what they say is the board's, classifying it lib/classify's.

import type { RemoteKind, SalaryPeriod, Seniority } from '../lib/vocabulary';

export type { SalaryPeriod } from '../lib/vocabulary';
export type BoardKind = 'rss' | 'json' | 'html';

/** A salary the board states in structured form (preferred over parsing salaryText). */
export interface StatedSalary {
  min: number | null;
  max: number | null;
  /** As the board states it: an ISO 4217 code or a symbol ("$"); lib/classify reads it (statedCurrency). */
  currency: string | null;
  period: SalaryPeriod | null;
}

/** One job posting exactly as a board gave it. All text is untrusted. */
export interface RawListing {
  board: string;
  /** Stable id of the posting on its board (the board's id, else its URL). */
  externalId: string;
  /** Absolute http(s) URL of the posting on the board (we always link back). */
  url: string;
  title: string;
  company: string | null;
  location: string | null;
  salaryText: string | null;
  tags: string[];
  /** Untrusted HTML; sanitized by ingestion before it is stored. */
  descriptionHtml: string;
  postedAt: Date | null;
  /** Facts the board states outright, which beat anything classify infers from text. */
  stated?: {
    salary?: StatedSalary;
    remote?: Exclude<RemoteKind, 'unknown'>;
    visaSponsorship?: boolean;
    seniority?: Exclude<Seniority, 'unknown'>;
  };
}

/** An item the parser could not turn into a listing, with the reason. */
export interface SkippedItem {
  reason: string;
  /** Whatever identifies the item in the source (guid, link, index). */
  ref?: string;
}

export interface ParseResult {
  items: RawListing[];
  skipped: SkippedItem[];
}

/** The 2xx statuses a fetch can end with (anything else is a FetchError, or NotModified). */
export type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;

/** What the shared fetcher returns for a 2xx response. */
export interface FetchedBody {
  status: SuccessStatus;
  url: string; // final URL after redirects
  body: string; // decoded to a JS string using the response's charset
  /** The body as received (decompressed, not decoded), when it came over the network. */
  bytes?: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchOptions {
  conditional?: ConditionalHeaders;
  accept?: string;
  signal?: AbortSignal;
}

/** 304: the board says nothing changed since the stored ETag / Last-Modified. */
export interface NotModified {
  status: 304;
  url: string;
}

export type FetchText = (url: string, options?: FetchOptions) => Promise<FetchedBody | NotModified>;

export interface ScrapeContext {
  /** The board URL to read (the default or the override from a flag/env). */
  url: string;
  fetchText: FetchText;
  /** Validators stored from the previous successful run of this board. */
  conditional: ConditionalHeaders;
  /** External ids already stored for this board: lets a scraper skip detail pages it has read. */
  knownExternalIds: ReadonlySet<string>;
  signal?: AbortSignal;
  log: (message: string) => void;
  /**
   * Parses a board's response off the calling thread when the runtime offers it (ingestion's
   * worker pool), so a huge body never blocks the event loop that serves pages. Boards with a
   * `parse` of their own use it; without it they parse in place.
   */
  parseOffThread?: (boardId: string, response: FetchedBody) => Promise<ParseResult>;
}

export type ScrapeResult =
  | { notModified: true; httpStatus: 304 }
  | {
      notModified: false;
      httpStatus: number;
      items: RawListing[];
      skipped: SkippedItem[];
      /** True when the response lists every live posting, so absent ones may be marked removed. */
      complete: boolean;
      etag: string | null;
      lastModified: string | null;
    };

export interface BoardDefinition {
  id: string; // 'golang-cafe'
  name: string; // 'Golang Cafe'
  kind: BoardKind;
  /** Default source URL (feed, API or listing page). */
  url: string;
  /** Human page of the board, for links in the UI. */
  homepage: string;
  scrape(ctx: ScrapeContext): Promise<ScrapeResult>;
  /** The pure parse of a board read in one request (text in, listings out), runnable in a worker. */
  parse?: (body: string, sourceUrl: string) => ParseResult;
}
