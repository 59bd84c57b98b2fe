import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './errors';

const failure = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the parse to fail');
  return result.error;
};

describe('fieldErrors', () => {
  const form = z.strictObject({
    email: z.string().min(3, 'Too short.').includes('@', { error: 'Needs an @.' }),
    languages: z.array(z.enum(['go', 'rust'], { error: 'Pick a language.' })),
    filters: z.object({ seniority: z.enum(['junior', 'senior'], { error: 'Pick a seniority.' }) }),
  });

  it('keeps the first message per field, a nested field under its dotted path, the whole input under form', () => {
    expect(fieldErrors(failure(form, { email: 'x', languages: ['go', 'cobol'], filters: { seniority: 'wizard' }, extra: 1 }))).toEqual({
      email: 'Too short.',
      'languages.1': 'Pick a language.',
      'filters.seniority': 'Pick a seniority.',
      form: 'Unrecognized key: "extra"',
    });
  });

  it('gives a one-value schema its first message under the name it is given', () => {
    const url = z.url({ error: 'Enter the link.' });
    expect(fieldErrors(failure(url, 'nope'), 'url')).toEqual({ url: 'Enter the link.' });
    const mapping = z.record(z.string(), z.enum(['applied'], { error: 'Unknown status.' }));
    expect(fieldErrors(failure(mapping, { Waiting: 'later' }), 'statusMapping')).toEqual({ statusMapping: 'Unknown status.' });
  });
});
