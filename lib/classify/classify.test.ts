// End-to-end cases in our own words (the real captures are exercised by labelled-set.test.ts,
// which needs ../shared). Each case states every field a careful reader would fill in.

import { describe, expect, it } from 'vitest';
import type { Salary } from '../vocabulary';
import { classify } from './classify';
import type { Classification, ClassifyInput } from './types';

const yearly = (min: number | null, max: number | null, currency = 'USD'): Salary => ({ min, max, currency, period: 'year' });
const hourly = (min: number | null, max: number | null, currency = 'USD'): Salary => ({ min, max, currency, period: 'hour' });

interface Case {
  name: string;
  input: Partial<ClassifyInput> & { title: string };
  expected: Partial<Classification>;
}

const CASES: Case[] = [
  {
    name: 'Go backend, remote US, salary field',
    input: {
      title: 'Senior Backend Engineer (Go)',
      location: 'Remote (US only)',
      salaryText: '$150k - $180k',
      descriptionText: 'We build payment APIs in Go on PostgreSQL and Kafka.\nRequirements:\n5+ years of backend experience.\nMust be authorized to work in the US.',
    },
    expected: { languages: ['go'], seniority: 'senior', role: 'backend', remote: 'remote', salary: yearly(150_000, 180_000), yearsRequired: 5, degreeRequired: null, visaSponsorship: false, skills: ['postgresql', 'kafka'] },
  },
  {
    name: 'junior Python, hybrid, degree optional',
    input: {
      title: 'Junior Python Developer',
      location: 'Berlin, Germany',
      descriptionText: 'Hybrid: 2 days a week in the office.\nYou have 1+ years with Django and REST.\nA degree in Computer Science or equivalent practical experience.',
    },
    expected: { languages: ['python'], seniority: 'junior', role: 'backend', remote: 'hybrid', salary: null, yearsRequired: 1, degreeRequired: false, skills: ['django', 'rest'] },
  },
  {
    name: 'intern, onsite, stipend is not a salary',
    input: { title: 'Software Engineering Intern (Summer 2026)', location: 'Austin, TX', descriptionText: 'This is an on-site position in Austin. Learn Java and Spring Boot. $500 equipment stipend.' },
    expected: { languages: ['java'], seniority: 'intern', role: 'backend', remote: 'onsite', salary: null, skills: ['spring'] },
  },
  {
    name: 'staff engineer, visa sponsor, euro range',
    input: { title: 'Staff Engineer, Platform', location: 'Amsterdam', salaryText: '€110k–€140k', descriptionText: 'We sponsor visas and relocation. Rust and Kubernetes.' },
    expected: { languages: ['rust'], seniority: 'lead', role: 'backend', salary: yearly(110_000, 140_000, 'EUR'), visaSponsorship: true, skills: ['kubernetes'] },
  },
  {
    name: 'full stack TypeScript with hourly rate',
    input: { title: 'Full-Stack Developer', salaryText: '$60/hr', descriptionText: 'Next.js and React on the front, Node.js on the back. TypeScript everywhere. Fully remote.' },
    expected: { languages: ['javascript', 'typescript'], role: 'fullstack', remote: 'remote', salary: hourly(60, 60), skills: ['nextjs', 'react', 'nodejs'] },
  },
  {
    name: 'frontend React job names no language',
    input: { title: 'Frontend Engineer', descriptionText: 'React, Redux and CSS. 3-5 years building user interfaces.' },
    expected: { languages: [], seniority: 'mid', role: 'frontend', yearsRequired: 3, skills: ['react'] },
  },
  {
    name: 'DevOps with Terraform, no sponsorship',
    input: { title: 'DevOps Engineer', descriptionText: 'Terraform, AWS and Docker. We are unable to sponsor visas. Remote within Canada.' },
    expected: { role: 'devops', visaSponsorship: false, remote: 'remote', skills: ['terraform', 'aws', 'docker'] },
  },
  {
    name: 'data engineer, salary in description',
    input: { title: 'Data Engineer', descriptionText: 'Python, dbt and Snowflake pipelines.\nCompensation: $130,000 - $150,000 per year.\nBachelor’s degree in Computer Science required.' },
    expected: { languages: ['python'], role: 'data', salary: yearly(130_000, 150_000), degreeRequired: true, skills: ['dbt', 'snowflake'] },
  },
  {
    name: 'mobile iOS',
    input: { title: 'iOS Engineer', descriptionText: 'Swift and SwiftUI. Work from anywhere.' },
    expected: { languages: ['swift'], role: 'mobile', remote: 'remote' },
  },
  {
    name: 'sales job: go is a verb, C-suite is not C',
    input: { title: 'Account Executive', descriptionText: 'Sell to the C-suite and go above and beyond. OTE $120k.' },
    expected: { languages: [], role: 'other', salary: yearly(120_000, 120_000) },
  },
  {
    name: 'C# .NET lead with salary cap',
    input: { title: 'Lead .NET Developer', descriptionText: 'ASP.NET Core and C# services on Azure. The salary is capped at £90,000. Hybrid in London.' },
    expected: { languages: ['csharp'], seniority: 'lead', role: 'backend', salary: yearly(null, 90_000, 'GBP'), remote: 'hybrid', skills: ['dotnet', 'azure'] },
  },
  {
    name: 'C and C++ systems, no role words beyond engineer',
    input: { title: 'Systems Engineer', descriptionText: 'Write C and C++ for embedded Linux. 7+ years of experience.' },
    expected: { languages: ['c', 'cpp'], seniority: 'senior', yearsRequired: 7, skills: ['linux'] },
  },
  {
    name: 'PHP Laravel mid-level, monthly pay',
    input: { title: 'Mid-level PHP Developer', descriptionText: 'Laravel and MySQL. Salary: 4 000 - 6 000 EUR per month. Remote within the EU.' },
    expected: { languages: ['php'], seniority: 'mid', role: 'backend', salary: { min: 4_000, max: 6_000, currency: 'EUR', period: 'month' }, remote: 'remote', skills: ['laravel', 'mysql'] },
  },
  {
    name: 'Elixir/Phoenix with number words',
    input: { title: 'Elixir Engineer', descriptionText: 'Elixir/Phoenix LiveView. At least two years of Elixir experience.' },
    expected: { languages: ['elixir'], seniority: 'mid', role: 'backend', yearsRequired: 2 },
  },
  {
    name: 'Kotlin Android',
    input: { title: 'Android Developer', descriptionText: 'Kotlin and Jetpack Compose. In office 5 days a week in Munich.' },
    expected: { languages: ['kotlin'], role: 'mobile', remote: 'onsite' },
  },
  {
    name: 'Scala data platform',
    input: { title: 'Senior Data Platform Engineer', descriptionText: 'Scala, Spark and Kafka. Remote-first team.' },
    expected: { languages: ['scala'], seniority: 'senior', role: 'data', remote: 'remote', skills: ['spark', 'kafka'] },
  },
  {
    name: 'Ruby on Rails, rust belt is a place',
    input: { title: 'Ruby on Rails Engineer', location: 'Pittsburgh', descriptionText: 'Our office sits in the Rust Belt. Rails 8, Sidekiq and Redis.' },
    expected: { languages: ['ruby'], role: 'backend', skills: ['rails', 'sidekiq', 'redis'] },
  },
  {
    name: 'Java, not JavaScript; no degree needed',
    input: { title: 'Java Developer', descriptionText: 'Java 21, Spring Boot, Hibernate. No degree required.' },
    expected: { languages: ['java'], role: 'backend', degreeRequired: false, skills: ['spring', 'hibernate'] },
  },
  {
    name: 'Go (Golang) with Gin and gRPC',
    input: { title: 'Backend Developer', descriptionText: 'Strong Go (Golang) skills; Gin, gRPC and Redis.' },
    expected: { languages: ['go'], role: 'backend', skills: ['gin', 'grpc', 'redis'] },
  },
  {
    name: 'go-to person is not Go',
    input: { title: 'Backend Developer', descriptionText: 'Be the go-to person for our Python services.' },
    expected: { languages: ['python'] },
  },
  {
    name: 'Hacker News header with everything in it',
    input: { title: 'Acme | Senior Backend Engineer | Remote (US) | $170-225K + equity | Visa', descriptionText: 'We write Go and Python.' },
    expected: { languages: ['go', 'python'], seniority: 'senior', role: 'backend', remote: 'remote', salary: yearly(170_000, 225_000), visaSponsorship: true },
  },
  {
    name: 'Hacker News header with a k range and place',
    input: { title: 'Beta | Founding Engineer | London | £80-100k', descriptionText: 'TypeScript and React across the stack.' },
    expected: { languages: ['typescript'], role: 'fullstack', salary: yearly(80_000, 100_000, 'GBP') },
  },
  {
    name: 'bare k amount in a US header is USD',
    input: { title: 'Gamma | 150-250k + equity | Remote (US only) | Multiple roles', descriptionText: 'Several openings.' },
    expected: { salary: yearly(150_000, 250_000), remote: 'remote' },
  },
  {
    name: 'bare k amount with no place is unknown',
    input: { title: 'Delta | Engineer | 90-110k', descriptionText: 'Backend work.' },
    expected: { salary: null },
  },
  {
    name: 'funding and valuation are not pay',
    input: { title: 'Software Engineer', descriptionText: 'We raised $50M in 2024 and are building a $200B+ company. Competitive salary.' },
    expected: { salary: null },
  },
  {
    name: 'Canadian dollars from the location',
    input: { title: 'Backend Developer', location: 'Toronto, Canada', descriptionText: 'Salary: $100,000 - $120,000 a year.' },
    expected: { salary: yearly(100_000, 120_000, 'CAD') },
  },
  {
    name: 'USD written beats the location',
    input: { title: 'Backend Developer', location: 'Mexico City, Mexico', salaryText: '$80k - $100k', descriptionText: 'Competitive salary of USD $80,000–$100,000.' },
    expected: { salary: yearly(80_000, 100_000, 'USD') },
  },
  {
    name: 'German job with Homeoffice and years in German',
    input: { title: 'Backend-Entwickler (m/w/d) Python', location: 'Köln', descriptionText: 'Mindestens 3 Jahre Berufserfahrung. Flexible Arbeitszeiten und Homeoffice-Möglichkeiten. Gehalt: 60.000 – 75.000 € brutto/Jahr.' },
    expected: { languages: ['python'], seniority: 'mid', role: 'backend', remote: 'hybrid', yearsRequired: 3, salary: yearly(60_000, 75_000, 'EUR') },
  },
  {
    name: 'Werkstudent',
    input: { title: 'Werkstudent Softwareentwicklung (m/w/d)', descriptionText: 'Laufendes Studium der Informatik. Java und TypeScript.' },
    expected: { seniority: 'intern', languages: ['java', 'typescript'] },
  },
  {
    name: 'Spanish onsite role with years',
    input: { title: 'Ingeniero de Datos', location: 'Monterrey, México', descriptionText: 'Modalidad: 100% presencial. Al menos 4 años de experiencia con SQL y Python.' },
    expected: { role: 'data', remote: 'onsite', yearsRequired: 4, languages: ['python'] },
  },
  {
    name: 'engineering manager',
    input: { title: 'Engineering Manager, Payments', descriptionText: 'Lead a team of 8 Go engineers. 8+ years of experience, 2+ managing.' },
    expected: { seniority: 'lead', yearsRequired: 8, languages: ['go'] },
  },
  {
    name: 'associate director is a lead',
    input: { title: 'Associate Director, Data Science', descriptionText: 'Python and PyTorch.' },
    expected: { seniority: 'lead', role: 'data', languages: ['python'], skills: ['pytorch'] },
  },
  {
    name: 'Software Engineer II',
    input: { title: 'Software Engineer II', descriptionText: 'Build REST APIs in Node.js on PostgreSQL.' },
    expected: { seniority: 'mid', role: 'backend', languages: ['javascript'], skills: ['rest', 'nodejs', 'postgresql'] },
  },
  {
    name: 'description states the level',
    input: { title: 'Backend Engineer', descriptionText: "We're looking for a senior backend engineer to own our billing service in Kotlin." },
    expected: { seniority: 'senior', languages: ['kotlin'] },
  },
  {
    name: 'company history is not a requirement',
    input: { title: 'Backend Engineer', descriptionText: 'For over 25 years we have served clinics. You have 4+ years of experience with Ruby.' },
    expected: { yearsRequired: 4, seniority: 'mid', languages: ['ruby'] },
  },
  {
    name: 'preferred degree is not required',
    input: { title: 'Platform Engineer', descriptionText: "Bachelor's degree preferred. Terraform and Kubernetes." },
    expected: { degreeRequired: false, role: 'devops', skills: ['terraform', 'kubernetes'] },
  },
  {
    name: 'technical writer about Go stays other',
    input: { title: 'Technical Writer – Golang', descriptionText: 'Write tutorials about Golang. $300 per article.' },
    expected: { role: 'other', languages: ['go'], salary: null },
  },
  {
    name: 'designer',
    input: { title: 'Product Designer', descriptionText: 'Figma, research, prototyping. Hybrid in Berlin.' },
    expected: { role: 'other', languages: [], remote: 'hybrid' },
  },
  {
    name: 'support specialist with hourly pay',
    input: { title: 'Customer Support Specialist', descriptionText: 'Work from home. Pay: $18 - $22 per hour.' },
    expected: { role: 'other', remote: 'remote', salary: hourly(18, 22) },
  },
  {
    name: 'remote sensing is not remote work',
    input: { title: 'Remote Sensing Data Scientist', location: 'Boulder, CO', descriptionText: 'Satellite imagery with Python. Work from our Boulder office.' },
    expected: { remote: 'onsite', role: 'data', languages: ['python'] },
  },
  {
    name: 'hybrid cloud is not hybrid work',
    input: { title: 'Cloud Engineer', descriptionText: 'Run our hybrid cloud on Azure and AWS.' },
    expected: { remote: 'unknown', role: 'devops', skills: ['azure', 'aws'] },
  },
  {
    name: 'TS/SCI clearance is not TypeScript',
    input: { title: 'Backend Engineer', descriptionText: 'Active TS/SCI clearance required. Java and Kafka.' },
    expected: { languages: ['java'], skills: ['kafka'] },
  },
  {
    name: 'empty posting',
    input: { title: '', descriptionText: '' },
    expected: { languages: [], seniority: 'unknown', role: 'other', remote: 'unknown', salary: null, yearsRequired: null, degreeRequired: null, visaSponsorship: null, skills: [] },
  },
];

function inputOf(c: Case): ClassifyInput {
  return { tags: [], descriptionText: '', location: null, salaryText: null, ...c.input };
}

describe('classify: our own cases', () => {
  it('has a good number of them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = classify(inputOf(c));
    for (const [field, value] of Object.entries(c.expected)) {
      expect({ field, value: actual[field as keyof Classification] }).toEqual({ field, value });
    }
  });
});

describe('classify: board-stated facts win', () => {
  const base: ClassifyInput = {
    title: 'Backend Engineer',
    tags: [],
    descriptionText: 'Hybrid, 3 days in office. Salary $100k. We cannot sponsor visas. We are looking for a junior engineer.',
    location: null,
    salaryText: null,
  };

  it('uses text inference without them', () => {
    const c = classify(base);
    expect([c.remote, c.salary, c.visaSponsorship, c.seniority]).toEqual(['hybrid', yearly(100_000, 100_000), false, 'junior']);
  });

  it('lets the board override remote, salary, visa and seniority', () => {
    const c = classify({
      ...base,
      stated: { remote: 'remote', salary: { min: 90_000, max: 95_000, currency: 'EUR', period: 'year' }, visaSponsorship: true, seniority: 'senior' },
    });
    expect([c.remote, c.salary, c.visaSponsorship, c.seniority]).toEqual(['remote', yearly(90_000, 95_000, 'EUR'), true, 'senior']);
  });

  it('takes a stated amount with the currency of the salary text, and a currency for a plain salary text', () => {
    expect(classify({ ...base, salaryText: '£50k - £60k', stated: { salary: { min: 50_000, max: 60_000, currency: null, period: null } } }).salary).toEqual(
      yearly(50_000, 60_000, 'GBP'),
    );
    expect(classify({ ...base, salaryText: '100,000 - 120,000', stated: { salary: { min: null, max: null, currency: 'CHF', period: null } } }).salary).toEqual(
      yearly(100_000, 120_000, 'CHF'),
    );
  });

  it('gives up on a stated amount whose currency nobody states', () => {
    expect(classify({ ...base, descriptionText: 'Great team.', stated: { salary: { min: 50_000, max: 60_000, currency: null, period: null } } }).salary).toBeNull();
  });
});
