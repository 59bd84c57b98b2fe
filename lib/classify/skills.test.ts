import { describe, expect, it } from 'vitest';
import { SKILL_CATEGORIES, SKILL_SLUGS, SKILLS } from './skills';
import { detectSkills } from './terms';

describe('detectSkills', () => {
  it('finds databases, clouds, infra, frameworks, tools and practices in order of evidence', () => {
    const skills = detectSkills(
      'Backend Engineer (Django)',
      ['kubernetes'],
      'We run PostgreSQL and Redis on AWS with Docker and Terraform. REST APIs, microservices, CI/CD on GitHub Actions, Linux.',
    );
    expect(skills).toEqual(['django', 'kubernetes', 'postgresql', 'redis', 'aws', 'docker', 'terraform', 'rest', 'microservices', 'ci-cd', 'github-actions', 'linux']);
  });

  it.each([
    ['Node.js', 'Node.js and Express services', ['nodejs', 'express']],
    ['.NET', 'ASP.NET Core on Azure, .NET 8', ['dotnet', 'azure']],
    ['Spring', 'Spring Boot with Kafka', ['spring', 'kafka']],
    ['GraphQL and gRPC', 'gRPC between services, GraphQL at the edge', ['grpc', 'graphql']],
    ['Google Cloud', 'Google Cloud Platform (GKE, BigQuery)', ['gcp', 'kubernetes', 'bigquery']],
    ['Kubernetes as k8s', 'k8s, Helm and Prometheus', ['kubernetes', 'helm', 'prometheus']],
    ['React Native, not React', 'React Native apps', ['react-native']],
  ])('%s', (_case, text, expected) => {
    expect(detectSkills('Engineer', [], text)).toEqual(expected);
  });

  it.each([
    ['"rest" the word', 'the rest of the team'],
    ['American Express', 'clients such as American Express'],
    ['at the helm', 'at the helm of the company'],
    ['a vegetable and a spark', 'celery sticks spark joy'],
    ['Spring the season', 'joining in Spring'],
  ])('not: %s', (_case, text) => {
    expect(detectSkills('Engineer', [], text)).toEqual([]);
  });

  it('ignores a tag dump unless the text agrees', () => {
    const dump = ['react', 'vue', 'angular', 'django', 'rails', 'laravel', 'docker', 'aws', 'gcp', 'azure', 'redis', 'kafka'];
    expect(detectSkills('DevOps Engineer', dump, 'We run Docker on AWS.')).toEqual(['docker', 'aws']);
  });
});

describe('SKILLS', () => {
  it('describes every slug with a label and a known category', () => {
    expect(SKILL_SLUGS.length).toBeGreaterThan(60);
    for (const slug of SKILL_SLUGS) {
      expect(SKILLS[slug].label.length).toBeGreaterThan(0);
      expect(SKILL_CATEGORIES).toContain(SKILLS[slug].category);
    }
    expect(SKILLS.postgresql).toEqual({ label: 'PostgreSQL', category: 'database' });
    expect(SKILLS.aws.category).toBe('cloud');
    expect(SKILLS.kubernetes.category).toBe('infra');
    expect(SKILLS.fastapi.category).toBe('framework');
    expect(SKILLS['ci-cd'].category).toBe('practice');
  });
});
