import { describe, expect, it } from 'vitest';
import { degreeRequired, visaSponsorship, yearsRequired } from './eligibility';

describe('yearsRequired', () => {
  it.each<[string, number]>([
    ['3+ years of backend experience', 3],
    ['5 years of experience with Go', 5],
    ['At least two years working with Python', 2],
    ['3-5 years of professional experience', 3],
    ['3 to 5 years in a similar role', 3],
    ['Requirements:\n7+ years building distributed systems', 7],
    ['5+ years overall, including 2+ years of experience with Go', 5],
    ['Experience: 1 – 5 years in Python or MATLAB', 1],
    ['strong experience (5+) years in database design', 5],
    ['5+ experience developing production Rails APIs', 5],
    ['0-1 years of closing experience', 0],
    ['Mindestens 3 Jahre Berufserfahrung', 3],
    ['mindestens drei Jahre Berufserfahrung im Risikocontrolling', 3],
    ['al menos 5 años de experiencia', 5],
    ["2+ years’ experience providing support", 2],
  ])('%s -> %d', (text, years) => {
    expect(yearsRequired(text)).toBe(years);
  });

  it.each([
    ['company history', 'For over 25 years, we have served customers. Founded 10 years ago.'],
    ['a sentence opening "Over N years"', 'Experience Remote done right. Over 20 years of remote experience across 500 staff.'],
    ['age', 'We are 5 years old and growing.'],
    ['runway and plans', 'We have 3 years of runway for the next four years.'],
    ['an alternative track', 'Not your stack? If you have 4+ years of commercial experience, apply anyway.'],
    ['a bio', '• +13 years of startup experience (our CTO)'],
    ['a nice-to-have section', 'Bonus points if:\n• 15+ years of industry experience'],
    ['a "not for" line', 'Not a fit: early in their careers (<4 years)'],
    ['no years at all', 'Strong Python skills.'],
  ])('not: %s', (_case, text) => {
    expect(yearsRequired(text)).toBeNull();
  });
});

describe('degreeRequired', () => {
  it.each<[string, boolean | null]>([
    ['BS/MS in Computer Science required.', true],
    ["Bachelor's degree in Computer Science or a related field.", true],
    ["Requirements:\n- Master’s or Bachelor’s degree in Computer Science, or a related field, with proven experience building APIs", true],
    ["Bachelor's degree; Master's preferred.", true],
    ['Du hast ein abgeschlossenes Studium der Informatik.', true],
    ["Bachelor's degree in Computer Science or equivalent practical experience", false],
    ['Degree or equivalent experience.', false],
    ['No degree required — we care about what you can build.', false],
    ["Bachelor’s degree preferred.", false],
    ['Nice to have: BS in Computer Science.', false],
    ['B.S. Computer Science, Mathematics, or related field is preferred but not necessary.', false],
    ['High School Diploma or GED', false],
    ['Abgeschlossenes Studium oder Ausbildung in Informatik.', false],
    ['Ein betriebswirtschaftliches Studium oder eine kaufmännische Ausbildung.', false],
    ['Ausbildung als Fachinformatiker oder vergleichbare praktische Erfahrung.', false],
    ['High degree of autonomy and a 360 degree view.', null],
    ['PhD students welcome to apply for the internship.', null],
    ['Strong Go skills.', null],
  ])('%s -> %s', (text, expected) => {
    expect(degreeRequired(text)).toBe(expected);
  });
});

describe('visaSponsorship', () => {
  it.each<[string, string, boolean | null]>([
    ['text: visa sponsorship available', 'Visa sponsorship available for the right candidate.', true],
    ['text: we sponsor', 'We sponsor visas and help with relocation.', true],
    ['text: unable to sponsor', 'We are unable to sponsor visas at this time.', false],
    ['text: no visa sponsorship', 'No visa sponsorship.', false],
    ['text: must be authorized', 'Candidates must be authorized to work in the US.', false],
    ['text: legally authorized', 'Must be legally authorized to work in the United States.', false],
    ['text: right to work', 'Must have right to work in UK.', false],
    ['text: citizenship', 'This role requires US citizenship.', false],
    ["text: can’t offer (curly apostrophe)", 'Unfortunately we can’t offer relocation or visa sponsorship.', false],
    ['text: immigration sponsorship', 'We are not considering candidates that need any type of immigration sponsorship (H-1B, OPT) now or in the future.', false],
    ['text: no visa needed is not a refusal', 'We hire worldwide, no visa required.', null],
    ['text: nothing said', 'Great benefits.', null],
  ])('%s', (_case, text, expected) => {
    expect(visaSponsorship('Backend Engineer', text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['Acme | Engineer | NYC | Visa | Full-time', true],
    ['Acme | Engineer | ONSITE, VISA', true],
    ['Acme | Engineer | H1-B VISA | Onsite', true],
    ['Acme | Engineer | Will Sponsor Visa', true],
    ['Acme | Engineer | VISA sponsorship available', true],
    ['Acme | Engineer | No VISA sponsorship', false],
    ['Acme | Engineer | US only, no visas', false],
    ['Acme | Engineer | we do not provide visa sponsorship', false],
  ])('header: %s', (title, expected) => {
    expect(visaSponsorship(title, '')).toBe(expected);
  });
});
