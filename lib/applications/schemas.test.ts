import { describe, expect, it } from 'vitest';
import { applicationPatchSchema, isApplicationId, manualApplicationSchema } from './schemas';
import { APPLICATION_STATUSES, STATUS_LABEL } from './statuses';

describe('application schemas', () => {
  it('labels every status, in pipeline order', () => {
    expect(Object.keys(STATUS_LABEL)).toEqual([...APPLICATION_STATUSES]);
  });

  it('treats blank form fields as unset and trims text', () => {
    const parsed = manualApplicationSchema.parse({ company: ' Acme ', title: 'Dev', url: '', status: '', contact: '  ', nextFollowUpAt: '' });
    expect(parsed).toMatchObject({ company: 'Acme', title: 'Dev', url: null, status: null, contact: null, nextFollowUpAt: null });
  });

  it('accepts dates as days or timestamps, and refuses others', () => {
    expect(applicationPatchSchema.parse({ nextFollowUpAt: '2026-12-01' }).nextFollowUpAt).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(applicationPatchSchema.parse({ appliedAt: '2026-12-01T10:30:00Z' }).appliedAt).toEqual(new Date('2026-12-01T10:30:00Z'));
    for (const bad of ['tomorrow', '2026-13-01', '1900-01-01', 42]) {
      expect(applicationPatchSchema.safeParse({ nextFollowUpAt: bad }).success, String(bad)).toBe(false);
    }
  });

  it('recognises uuids only', () => {
    expect(isApplicationId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    for (const id of ['1', '', 'x'.repeat(36), null, 5]) expect(isApplicationId(id)).toBe(false);
  });
});
