import { SKILLS, type Skill } from '../classify/skills';
import type { MarketView } from '../search/market';
import { LANGUAGES, type Language } from '../vocabulary';

// "What to build next": the technologies the user's matching jobs ask for most, beside the
// hours the user has put into each. A language's hours come from building time on projects in
// that language; a skill's from learning and building time whose note or project name
// mentions it (a learner who wrote "Postgres indexes" spent that hour on PostgreSQL).

export interface LoggedTime {
  kind: 'applying' | 'learning' | 'building';
  projectLanguage: string | null;
  projectName: string | null;
  note: string | null;
  minutes: number;
}

export interface BuildNextItem {
  kind: 'language' | 'skill';
  slug: string;
  label: string;
  /** Share of matching listings that ask for it (0..1). */
  share: number;
  listings: number;
  minutesLogged: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function mentions(text: string, terms: string[]): boolean {
  return terms.some((term) => new RegExp(`(^|[^a-z0-9])${escape(term)}($|[^a-z0-9])`, 'i').test(text));
}

/** Terms that name a skill in a note: its slug, its label, and the label's common short form. */
function skillTerms(slug: string): string[] {
  const label = SKILLS[slug as Skill]?.label ?? slug;
  const terms = new Set([slug.toLowerCase(), label.toLowerCase()]);
  if (slug === 'postgresql') terms.add('postgres');
  return [...terms];
}

export function buildNext(market: MarketView, logged: readonly LoggedTime[], top = 8): BuildNextItem[] {
  const languages: BuildNextItem[] = market.languages.slice(0, 3).map((row) => ({
    kind: 'language',
    slug: row.language,
    label: LANGUAGES[row.language as Language] ?? row.language,
    share: row.share,
    listings: row.listings,
    minutesLogged: logged
      .filter((t) => t.kind === 'building' && t.projectLanguage === row.language)
      .reduce((sum, t) => sum + t.minutes, 0),
  }));
  const skills: BuildNextItem[] = market.skills.map((row) => {
    const terms = skillTerms(row.skill);
    return {
      kind: 'skill',
      slug: row.skill,
      label: SKILLS[row.skill as Skill]?.label ?? row.skill,
      share: row.share,
      listings: row.listings,
      minutesLogged: logged
        .filter((t) => t.kind !== 'applying' && mentions(`${t.note ?? ''} ${t.projectName ?? ''}`, terms))
        .reduce((sum, t) => sum + t.minutes, 0),
    };
  });
  return [...languages, ...skills].sort((a, b) => b.share - a.share || a.label.localeCompare(b.label)).slice(0, top);
}
