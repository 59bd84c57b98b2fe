// Pure, framework-free classification of job listings (see classify.ts for the pipeline).
export { classify, MAX_CLASSIFIED_CHARS } from './classify';
export type { ClassifyInput, Classification } from './types';
export { parseSalary, findSalary, currencyOfPlace, statedCurrency, statesPay, type SalaryContext } from './salary';
export { detectLanguages, detectSkills } from './terms';
export { scanText, type TextScan } from './scan';
export { detectSeniority, titleSeniority } from './seniority';
export { detectRole } from './role';
export { detectRemote, workplaceOfShortText } from './remote';
export { yearsRequired, degreeRequired, visaSponsorship } from './eligibility';
export { SKILLS, SKILL_SLUGS, SKILL_CATEGORIES, type Skill, type SkillCategory } from './skills';
