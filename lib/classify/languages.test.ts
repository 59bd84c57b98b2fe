import { describe, expect, it } from 'vitest';
import type { Language } from '../vocabulary';
import { detectLanguages } from './terms';

const fromText = (descriptionText: string, title = 'Software Engineer', tags: string[] = []): Language[] =>
  detectLanguages({ title, tags, descriptionText });

describe('Go, the language vs "go" the word', () => {
  it.each([
    ['Golang', 'We build everything in Golang.'],
    ['Go developer', 'You are a seasoned Go developer.'],
    ['Go/Golang', 'Experience with Go/Golang services.'],
    ['in Go', 'Our services are written in Go.'],
    ['a list', 'Stack: Go, Postgres and Kafka.'],
    ['Go (Golang)', 'Strong Go (Golang) skills.'],
    ['100% Go', 'On the backend we use 100% Go with AWS.'],
    ['we use Go', 'Today we use Go for the API.'],
  ])('%s', (_case, text) => {
    expect(fromText(text)).toEqual(['go']);
  });

  it('GO in capitals, and Go next to other languages', () => {
    expect(fromText('Experience with Python or GO is a plus.')).toEqual(['python', 'go']);
    expect(fromText('We use Go and Rust.')).toEqual(['go', 'rust']);
  });

  it.each([
    ['go-to', 'You will be the go-to person. Be the Go-to expert.'],
    ["let's go", "Let's go! Ready to go?"],
    ['go live', 'Help us go live. Go live in May.'],
    ['on the go', 'Snacks on the go.'],
    ['go above and beyond', 'Go above and beyond for customers.'],
    ['sentence-initial verb', 'Go beyond surface-level results.'],
    ['go-to-market', 'Own our Go-To-Market strategy.'],
    ['quoted German "Go"', 'solange Sie uns nicht das „Go“ geben.'],
    ['go here', 'Go here: https://example.com to apply.'],
  ])('not: %s', (_case, text) => {
    expect(fromText(text)).toEqual([]);
  });

  it('titles: "Senior Go Engineer" yes, "Go To Market Strategist" no', () => {
    expect(fromText('', 'Senior Go Engineer')).toEqual(['go']);
    expect(fromText('', 'Go To Market Strategist')).toEqual([]);
    expect(fromText('', 'Snacks On The Go Driver')).toEqual([]);
  });

  it('a "go" tag counts unless the text only uses "go" as a verb', () => {
    expect(fromText('', 'Backend Engineer', ['go'])).toEqual(['go']);
    expect(fromText('Join us as we go fearlessly forward together. '.repeat(10), 'Backend Engineer', ['go'])).toEqual([]);
    expect(fromText('Services in Go. '.repeat(30), 'Backend Engineer', ['go'])).toEqual(['go']);
  });
});

describe('other languages', () => {
  it.each<[string, string, Language[]]>([
    ['C#', 'Strong C# skills', ['csharp']],
    ['.NET', 'Build services on .NET 8 and ASP.NET Core', ['csharp']],
    ['dotnet', 'dotnet, Azure', ['csharp']],
    ['C++', 'Modern C++ and C++20', ['cpp']],
    ['C/C++', 'Fluent C/C++ on Linux', ['c', 'cpp']],
    ['in C', 'Kernel modules written in C.', ['c']],
    ['C programming', 'C programming experience', ['c']],
    ['Node.js', 'Node.js and NodeJS services', ['javascript']],
    ['Node in a list', 'Elixir, Golang, Node, Python', ['elixir', 'go', 'javascript', 'python']],
    ['TypeScript and TS', 'TypeScript everywhere; TS on the server', ['typescript']],
    ['Java not JavaScript', 'Java 17 and Spring Boot', ['java']],
    ['JavaScript not Java', 'JavaScript and Java Script', ['javascript']],
    ['Rust', 'Systems in Rust', ['rust']],
    ['Ruby on Rails', 'Ruby on Rails monolith', ['ruby']],
    ['Rails alone', 'Rails 8 and Hotwire', ['ruby']],
    ['Scala', 'Scala and Akka', ['scala']],
    ['Elixir/Phoenix', 'Elixir/Phoenix LiveView', ['elixir']],
    ['Phoenix framework', 'the Phoenix framework', ['elixir']],
    ['Spring Framework', 'Spring Framework and Hibernate', ['java']],
    ['Kotlin', 'Kotlin coroutines', ['kotlin']],
    ['PHP/Laravel', 'PHP/Laravel APIs', ['php']],
    ['Laravel alone', 'Laravel and Vue', ['php']],
    ['Django implies Python', 'Django REST framework', ['python']],
    ['Flutter implies Dart', 'Flutter apps', ['dart']],
    ['Swift', 'Swift and SwiftUI', ['swift']],
  ])('%s', (_case, text, expected) => {
    expect(fromText(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['C-level / C-suite / Series C', 'Report to C-level and C-suite after our Series C.'],
    ['Hepatitis C', 'tests for Hepatitis C (HCV)'],
    ['(C) as a level marker', 'Online Data Analyst (C)'],
    ['Objective-C', 'legacy Objective-C code'],
    ['A/B/C tests', 'running A/B/C tests on ads'],
    ['rust belt', 'We are based in the Rust Belt and fight rust on bridges.'],
    ['swift as an adjective', 'swift delivery, SWIFT payments'],
    ['TS/SCI clearance', 'Active TS/SCI clearance required'],
    ['spring the season', 'Start in Spring 2026'],
    ['React alone names no language', 'React and Vue frontends'],
    ['file names and URLs', 'see main.go and d3.js at example.net'],
  ])('not: %s', (_case, text) => {
    expect(fromText(text)).toEqual([]);
  });
});

describe('evidence and ordering', () => {
  it('orders title, then tags, then description (then frequency)', () => {
    const langs = detectLanguages({
      title: 'Senior Ruby Engineer',
      tags: ['python'],
      descriptionText: 'We use Go. Go services, Go tooling. Some Java. Rails and Ruby.',
    });
    expect(langs).toEqual(['ruby', 'python', 'go', 'java']);
  });

  it('ignores catalogues of alternatives', () => {
    expect(fromText('Backend experience in any popular language such as Python, Java, C#, JavaScript, Go. We write Python.')).toEqual(['python']);
    expect(fromText('Projects: React & Python, React & Golang, Java & Spring, PHP & Laravel, .NET & C#, Scala, Rust, Kotlin. Must know Python.')).toEqual(['python']);
  });

  it('keeps a genuine multi-language requirement', () => {
    expect(fromText('Significant experience with C/C++, Go, Swift, and/or Rust')).toEqual(['c', 'cpp', 'go', 'swift', 'rust']);
  });

  it('treats keyword-soup tags as noise unless the text agrees', () => {
    const soup = ['python', 'java', 'php', 'ruby', 'scala', 'rust', 'kotlin'];
    const text = 'Senior DevOps role. 3 years of Python or Bash. '.repeat(10);
    expect(detectLanguages({ title: 'Senior DevOps Engineer', tags: soup, descriptionText: text })).toEqual(['python']);
  });

  it('trusts a plain language tag on an engineering job, not on an office job', () => {
    const text = 'We are hiring. '.repeat(40);
    expect(detectLanguages({ title: 'Software Engineer', tags: ['golang'], descriptionText: text })).toEqual(['go']);
    expect(detectLanguages({ title: 'Office Assistant', tags: ['php'], descriptionText: text })).toEqual([]);
  });
});
