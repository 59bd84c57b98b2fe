import { describe, expect, it } from 'vitest';
import type { Role } from '../vocabulary';
import { detectRole } from './role';

describe('detectRole from the title', () => {
  it.each<[string, Role]>([
    ['Senior Backend Engineer', 'backend'],
    ['Back-End Developer (.NET Core / C#)', 'backend'],
    ['Server-Side Engineer', 'backend'],
    ['Ruby on Rails API Engineer', 'backend'],
    ['Platform Engineer', 'devops'],
    ['Golang Software Developer', 'backend'],
    ['PYTHON SOFTWARE DEVELOPER', 'backend'],
    ['Full-Stack Developer', 'fullstack'],
    ['Senior Full Stack Engineer', 'fullstack'],
    ['Fullstack-Entwickler (m/w/d)', 'fullstack'],
    ['Python React Developer', 'fullstack'],
    ['Frontend and Backend Engineer', 'fullstack'],
    ['Senior Frontend Engineer', 'frontend'],
    ['Front-End Developer (React)', 'frontend'],
    ['Staff DevOps Engineer', 'devops'],
    ['Site Reliability Engineer', 'devops'],
    ['SRE, Storage', 'devops'],
    ['Infrastructure Engineer', 'devops'],
    ['Linux Systemadministrator (m/w/d)', 'devops'],
    ['Data Engineer', 'data'],
    ['Machine Learning Engineer', 'data'],
    ['Analytics Engineer', 'data'],
    ['Senior AI Engineer', 'data'],
    ['iOS Engineer', 'mobile'],
    ['Android Developer', 'mobile'],
    ['Senior Sales Engineer Data & AI Security', 'other'],
    ['Technical Writer – Golang', 'other'],
    ['Product Designer (Mobile, Android)', 'other'],
    ['Account Executive', 'other'],
    ['Customer Support Specialist', 'other'],
    ['Technical Product Manager', 'other'],
    ['Developer Advocate', 'other'],
    ['Head of Marketing & Communications', 'other'],
    ['Electrical Engineer', 'other'],
    ['Payroll Analyst', 'other'],
    ['Data Center Site Manager', 'other'],
  ])('%s -> %s', (title, expected) => {
    expect(detectRole(title, '')).toBe(expected);
  });
});

describe('detectRole for generic titles', () => {
  it.each<[string, string, Role]>([
    ['explicit in the text', 'We are hiring a Senior Software Engineer, Backend.', 'backend'],
    ['full-stack named', 'You will join as a full-stack Senior Software Engineer.', 'fullstack'],
    ['both stacks', 'Build React and Next.js screens and Go APIs on PostgreSQL with Redis.', 'fullstack'],
    ['browser only', 'Own our React, Redux and CSS design system; ship UI/UX polish in the browser.', 'frontend'],
    ['server only', 'Design REST APIs and microservices on PostgreSQL and Kafka.', 'backend'],
    ['company boilerplate does not count', 'Our team includes frontend and backend engineers. You will build React, Redux and CSS components for the browser.', 'frontend'],
  ])('%s', (_case, text, expected) => {
    expect(detectRole('Software Engineer', text)).toBe(expected);
  });

  it('reads the role segment of a Hacker News header, not the company name', () => {
    expect(detectRole('Immigration Policy Lab | Full Stack Software Engineer | Remote', '')).toBe('fullstack');
    expect(detectRole('Data Research Group | Senior .NET Full Stack Engineer | Remote', '')).toBe('fullstack');
    expect(detectRole('Goody | Remote | $170-230K', 'Goody is hiring a full-stack Senior Software Engineer.')).toBe('fullstack');
    expect(detectRole('Acme | NYC | Onsite', 'We are a bakery.')).toBe('other');
  });
});
