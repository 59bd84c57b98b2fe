// Languages and skills of a listing from one scan of each text (see scan.ts).

import type { Language } from '../vocabulary';
import { rankLanguages } from './languages';
import { scanText } from './scan';
import { rankSkills, type Skill } from './skills';

export interface TermInput {
  title: string;
  tags: readonly string[];
  descriptionText: string;
}

/** Languages asked for, strongest evidence first (title, then tags, then description). */
export function detectLanguages(input: TermInput): Language[] {
  const title = scanText(input.title, true);
  const description = scanText(input.descriptionText, false);
  return rankLanguages(input.title, input.tags, input.descriptionText, title.languages, description.languages);
}

/** Skill slugs in order of first evidence: title, then tags, then description. */
export function detectSkills(title: string, tags: readonly string[], descriptionText: string): Skill[] {
  return rankSkills(tags, scanText(title, true).skills, scanText(descriptionText, false).skills);
}
