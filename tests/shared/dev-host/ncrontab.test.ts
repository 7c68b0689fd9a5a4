import { describe, expect, it } from 'vitest';
import { NcrontabError, nextOccurrence } from '../../../shared/dev-host/ncrontab';

const at = (iso: string) => new Date(iso);

describe('nextOccurrence', () => {
  it('fires every 15 minutes on the default sync schedule', () => {
    expect(nextOccurrence('0 */15 * * * *', at('2026-11-24T10:07:31Z')).toISOString()).toBe('2026-11-24T10:15:00.000Z');
    expect(nextOccurrence('0 */15 * * * *', at('2026-11-24T10:15:00Z')).toISOString()).toBe('2026-11-24T10:30:00.000Z');
    expect(nextOccurrence('0 */15 * * * *', at('2026-11-24T23:59:59Z')).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });

  it('handles lists, ranges and weekdays', () => {
    expect(nextOccurrence('30 5 9-17 * * 1-5', at('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-30T09:05:30.000Z');
    expect(nextOccurrence('0 0,30 * * * *', at('2026-11-24T10:00:00Z')).toISOString()).toBe('2026-11-24T10:30:00.000Z');
  });

  it('rejects malformed expressions with the field named', () => {
    expect(() => nextOccurrence('*/15 * * * *', new Date())).toThrow(/six fields/);
    expect(() => nextOccurrence('0 61 * * * *', new Date())).toThrow(NcrontabError);
    expect(() => nextOccurrence('0 x * * * *', new Date())).toThrow(/minute/);
  });
});
