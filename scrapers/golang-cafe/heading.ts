// Golang Cafe writes one string for three fields: the feed title "{title} with {company} -
// {location}" and the job page heading "{title} at {company} - {location}". Any part may
// itself contain " with ", " at " or " - " ("Backend Developer with Kubernetes experience",
// "Remote - Europe", "Smith - Jones Ltd"), so the separators are ambiguous.
//
// The job's URL settles it: the board builds the slug as slug.Make("{title} {company} {unix
// time}") (gosimple/slug: lower-case ASCII, & -> and, other characters -> hyphens). Of every
// way to cut the heading, the one whose title and company spell the slug is the right one.
// Without a matching slug (an odd URL, letters the transliteration below does not cover) the
// cut falls back to: the LAST joiner that has a " - " after it, then the FIRST " - " after
// that joiner, because titles carry " with "/" - " far more often than company names, and
// locations carry " - " ("Remote - Europe") more often than company names.

export interface HeadingParts {
  title: string;
  company: string | null;
  location: string | null;
  /** True when the job's slug confirmed this cut. */
  confirmed: boolean;
}

const TRANSLITERATION: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', '&': 'and', '@': 'at',
};

/** Letters and digits only, transliterated the way gosimple/slug does for the common cases. */
export function slugKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæøœłđðþı&@]/g, (char) => TRANSLITERATION[char] ?? char)
    .replace(/[^a-z0-9]+/g, '');
}

/** The title-and-company part of a Golang Cafe job URL's slug (the trailing "-{unix time}" removed), or null. */
export function jobSlugKey(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last || segments.at(-2) !== 'job') return null;
  const key = slugKey(decodeURIComponent(last).replace(/-\d+$/, ''));
  return key || null;
}

function indexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const DASH = ' - ';

/**
 * Cut "{title}{joiner}{company} - {location}" into its parts (joiner " with " in the feed,
 * " at " on the job page). `jobUrl` is the job's golang.cafe URL, whose slug picks the cut.
 * A heading without the joiner is all title.
 */
export function splitHeading(text: string, joiner: string, jobUrl: string | null): HeadingParts {
  const heading = text.trim();
  const joins = indexesOf(heading, joiner).filter((at) => at > 0);
  if (!joins.length) return { title: heading, company: null, location: null, confirmed: false };

  // Every cut, in fallback preference: later joiners first, then earlier dashes first, then "no location".
  const cuts: Omit<HeadingParts, 'confirmed'>[] = [];
  for (const at of [...joins].reverse()) {
    const title = heading.slice(0, at).trim();
    const rest = heading.slice(at + joiner.length);
    for (const dash of indexesOf(rest, DASH)) {
      const company = rest.slice(0, dash).trim();
      const location = rest.slice(dash + DASH.length).trim();
      if (title && company && location) cuts.push({ title, company, location });
    }
    if (title && rest.trim()) cuts.push({ title, company: rest.trim(), location: null });
  }
  if (!cuts.length) return { title: heading, company: null, location: null, confirmed: false };

  const slug = jobSlugKey(jobUrl);
  if (slug) {
    const match = cuts.find((cut) => slugKey(`${cut.title} ${cut.company ?? ''}`) === slug);
    if (match) return { ...match, confirmed: true };
  }
  // Prefer a cut that has a location (the board always states one) over "all the rest is the company".
  const fallback = cuts.find((cut) => cut.location !== null) ?? cuts[0]!;
  return { ...fallback, confirmed: false };
}
