import { describe, expect, it } from 'vitest';
import type { RemoteKind } from '../vocabulary';
import { detectRemote } from './remote';

describe('detectRemote from title, location and tags', () => {
  it.each<[string, string | null, string[], RemoteKind]>([
    ['Senior Go Engineer (Remote)', null, [], 'remote'],
    ['Backend Engineer', 'Remote (US only)', [], 'remote'],
    ['Backend Engineer', 'Anywhere in the World', [], 'remote'],
    ['Backend Engineer', 'Worldwide', [], 'remote'],
    ['Backend Engineer', 'Berlin', ['Remote'], 'remote'],
    ['Acme | Hybrid (3 days in office) | Berlin', null, [], 'hybrid'],
    ['Acme | NYC | 3x/week in office (onsite)', null, [], 'hybrid'],
    ['Acme | ONSITE / HYBRID | Amsterdam', null, [], 'hybrid'],
    ['Acme | London / Hybrid Remote', null, [], 'hybrid'],
    ['Acme | Onsite few days a week | NYC', null, [], 'hybrid'],
    ['Acme | Remote or Hybrid (Zurich)', null, [], 'remote'],
    ['Acme | Onsite NYC (Preferred) or Remote (US/Canada)', null, [], 'remote'],
    ['Acme | NYC ONSITE | Full-time', null, [], 'onsite'],
    ['Acme | London | 5 days in office', null, [], 'onsite'],
    ['Social Media Manager / Onsite - kein Remote', null, [], 'onsite'],
    ['Remote Sensing Engineer', 'Denver', [], 'unknown'],
    ['Senior Engineer, Distributed Systems', 'Denver', [], 'unknown'],
  ])('%s | %s', (title, location, tags, expected) => {
    expect(detectRemote(title, location, tags, '')).toBe(expected);
  });
});

describe('detectRemote from the description', () => {
  it.each<[string, RemoteKind]>([
    ['This is a fully remote position.', 'remote'],
    ['We are a remote-first company of 40.', 'remote'],
    ['You can work from anywhere.', 'remote'],
    ['Location: North America Remote / San Francisco', 'remote'],
    ['Position Type: Full-Time, Remote', 'remote'],
    ['Remote - Why join us?\nWe build tools.', 'remote'],
    ['This role can be filled in our SF office or remotely in the U.S.', 'remote'],
    ['On-site or Remote/Hybrid Flexible', 'remote'],
    ['Fully remote (or optionally hybrid remote for candidates in Stockholm).', 'remote'],
    ['Nearly 200 people work in a 100% distributed setting; we have no office.', 'remote'],
    ['We work hybrid: 2 days a week in the office.', 'hybrid'],
    ['Flexibility to work from home or from one of our global office hubs.', 'hybrid'],
    ['#LI-Hybrid', 'hybrid'],
    ['Flexible Arbeitszeiten und Homeoffice-Möglichkeiten (bis zu 3 Tage/Woche).', 'hybrid'],
    ['Flexible Arbeitszeiten und zeitweises Arbeiten im Homeoffice.', 'hybrid'],
    ['Hybrides Arbeiten: überwiegend remote, mit Präsenztagen.', 'hybrid'],
    ['Work Location: Onsite (Pine Bluff)', 'onsite'],
    ['Full-time | Onsite | Los Angeles, CA', 'onsite'],
    ['Modalidad: 100% presencial en Monterrey.', 'onsite'],
    ["You'll be working in-person from San Francisco.", 'onsite'],
    ['This is a home-office-based role with significant travel.', 'remote'],
    ['Able to travel to remote sites and fix remote control units.', 'unknown'],
    ['We run a hybrid cloud on AWS and GCP.', 'unknown'],
    ['Experience with Remote Support tools.', 'unknown'],
    ['We build great software.', 'unknown'],
  ])('%s', (text, expected) => {
    expect(detectRemote('Software Engineer', null, [], text)).toBe(expected);
  });

  it('short fields win over the description', () => {
    expect(detectRemote('Backend Engineer', 'Remote, USA', [], 'Hybrid 3 days in office')).toBe('remote');
  });
});
