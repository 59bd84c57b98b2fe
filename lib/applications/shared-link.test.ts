import { describe, expect, it } from 'vitest';
import { bookmarkletCode, readSharedJob, savePagePath } from './shared-link';

describe('readSharedJob', () => {
  it('takes the url parameter and the selected text as the note', () => {
    expect(readSharedJob({ url: 'https://jobs.example/1', title: 'Go Dev', text: 'Remote, EU only' })).toEqual({ url: 'https://jobs.example/1', title: 'Go Dev', note: 'Remote, EU only' });
  });
  it('finds the link Android puts in text when url is empty, and keeps the rest as the note', () => {
    expect(readSharedJob({ url: '', text: 'Look at this one: https://jobs.example/2?a=1). Nice' })).toEqual({ url: 'https://jobs.example/2?a=1', title: '', note: 'Look at this one: Nice' });
    expect(readSharedJob({ title: 'Go Dev https://jobs.example/3' })).toEqual({ url: 'https://jobs.example/3', title: 'Go Dev', note: '' });
  });
  it('never takes a javascript: or data: url, and bounds every field', () => {
    expect(readSharedJob({ url: 'javascript:alert(1)', text: 'x' }).url).toBe('');
    expect(readSharedJob({ url: ['https://a.example/', 'https://b.example/'] }).url).toBe('https://a.example/');
    const long = readSharedJob({ url: 'https://a.example/', title: 't'.repeat(5000), text: 'n'.repeat(50_000) });
    expect([long.title.length, long.note.length]).toEqual([300, 2000]);
  });
});

describe('savePagePath and bookmarkletCode', () => {
  it('returns to the same save page after signing in, with only its own parameters', () => {
    expect(savePagePath({ url: 'https://jobs.example/1?x=1&y=2', text: 'a b', other: 'z' })).toBe('/applications/save?url=https%3A%2F%2Fjobs.example%2F1%3Fx%3D1%26y%3D2&text=a+b');
    expect(savePagePath({})).toBe('/applications/save');
  });
  it('builds a javascript: link that opens this origin’s save page on the current tab', () => {
    const code = bookmarkletCode('https://trackend.example');
    expect(code.startsWith('javascript:(function(){')).toBe(true);
    expect(code).toContain('"https://trackend.example/applications/save"');
    expect(code).toContain("'?url='+encodeURIComponent(location.href)+'&title='+encodeURIComponent(document.title)+'&text='+encodeURIComponent(s)");
    // The origin is data in the code, never code: a hostile Host header cannot break out of the string.
    expect(bookmarkletCode('http://evil"+alert(1)+"')).toContain('"http://evil\\"+alert(1)+\\"/applications/save"');
  });
});
