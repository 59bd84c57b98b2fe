import { describe, expect, it } from 'vitest';
import type { Seniority } from '../vocabulary';
import { descriptionSeniority, detectSeniority, seniorityFromYears, titleSeniority } from './seniority';

describe('titleSeniority', () => {
  it.each<[string, Seniority]>([
    ['Software Engineering Intern', 'intern'],
    ['Summer Internship 2026', 'intern'],
    ['Werkstudent IT-Support (m/w/d)', 'intern'],
    ['Ausbildung Fachinformatiker', 'intern'],
    ['Junior Backend Developer', 'junior'],
    ['Jr. Python Engineer', 'junior'],
    ['Entry-Level Data Analyst', 'junior'],
    ['New Grad Software Engineer', 'junior'],
    ['Graduate Developer', 'junior'],
    ['Operations Associate', 'junior'],
    ['Mid-level Go Developer', 'mid'],
    ['Intermediate Rails Engineer', 'mid'],
    ['Midweight Ruby Developer', 'mid'],
    ['Software Engineer II', 'mid'],
    ['Senior Backend Engineer', 'senior'],
    ['Sr. Software Engineer', 'senior'],
    ['Sr Data Engineer', 'senior'],
    ['Software Engineer III', 'senior'],
    ['Data Scientist IV', 'senior'],
    ['Tech Lead, Payments', 'lead'],
    ['Staff Engineer', 'lead'],
    ['Principal Software Engineer', 'lead'],
    ['Head of Engineering', 'lead'],
    ['Solution Architect', 'lead'],
    ['Engineering Manager', 'lead'],
    ['Director of Data', 'lead'],
    ['VP Engineering', 'lead'],
    ['Associate Creative Director', 'lead'],
    ['Backend Engineer', 'unknown'],
    ['Founding Engineer', 'unknown'],
  ])('%s -> %s', (title, expected) => {
    expect(titleSeniority(title)).toBe(expected);
  });

  it('"Senior" anywhere in the title wins', () => {
    expect(titleSeniority('Senior Engineering Manager')).toBe('senior');
    expect(titleSeniority('Senior/Staff Ruby on Rails Engineer')).toBe('senior');
    expect(titleSeniority('Staff Data Engineer, Senior Data Engineer')).toBe('senior');
  });

  it('"Junior" beats "Manager"; an account manager, a lead-generation job or a staff accountant are not leads', () => {
    expect(titleSeniority('(Junior) HR Manager')).toBe('junior');
    expect(titleSeniority('Account Manager')).toBe('unknown');
    expect(titleSeniority('Lead Generation Specialist')).toBe('unknown');
    expect(titleSeniority('Staff Accountant')).toBe('unknown');
    expect(titleSeniority('Mid-Market Account Executive')).toBe('unknown');
  });
});

describe('descriptionSeniority', () => {
  it.each<[string, Seniority]>([
    ["We're looking for a senior backend engineer to own billing.", 'senior'],
    ['We are seeking a highly experienced Lead Developer.', 'lead'],
    ['This entry-level opportunity suits recent graduates.', 'junior'],
    ['This is a mid-level position on the API team.', 'mid'],
    ['Job Title: Electrical Engineer I\nDepartment: Engineering', 'junior'],
    ['We are hiring for:\n- Senior Software Engineer, Full-stack', 'senior'],
    ['Our leadership team has decades of experience.', 'unknown'],
  ])('%s', (text, expected) => {
    expect(descriptionSeniority(text)).toBe(expected);
  });
});

describe('detectSeniority', () => {
  it('title beats description beats years', () => {
    expect(detectSeniority('Junior Developer', 'We want a senior engineer', 8)).toBe('junior');
    expect(detectSeniority('Backend Developer', 'We want a senior engineer', 1)).toBe('senior');
    expect(detectSeniority('Backend Developer', 'Build APIs.', 1)).toBe('junior');
    expect(detectSeniority('Backend Developer', 'Build APIs.', 3)).toBe('mid');
    expect(detectSeniority('Backend Developer', 'Build APIs.', 6)).toBe('senior');
    expect(detectSeniority('Backend Developer', 'Build APIs.', null)).toBe('unknown');
  });

  it('maps years to a level', () => {
    expect([0, 1, 2, 4, 5, 12].map(seniorityFromYears)).toEqual(['junior', 'junior', 'mid', 'mid', 'senior', 'senior']);
  });
});
