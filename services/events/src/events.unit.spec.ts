import { describe, expect, it } from 'vitest';
import { GRADES, gradeLabel, isCafeSessionEligible } from './grades';
import * as events from './events/index';
import { employeeRegisteredSchema, hubEventSchema } from './events/index';
import { instantSchema, localDateSchema } from './primitives';
import { parseOrThrow } from './validation';

describe('grades (직급)', () => {
  it('allows café sessions for 사원, 대리, 과장 and 차장 only', () => {
    expect(GRADES.filter((g) => isCafeSessionEligible(g.code)).map((g) => g.ko)).toEqual(['사원', '대리', '과장', '차장']);
  });
  it('labels a grade in Korean and English', () => {
    expect(gradeLabel('DEPUTY_GENERAL_MANAGER')).toBe('차장 (deputy general manager)');
  });
});

describe('primitives', () => {
  it('normalises an instant with an offset to UTC', () => {
    expect(instantSchema.parse('2015-03-12T15:00:00+09:00')).toBe('2015-03-12T06:00:00.000Z');
  });
  it.each(['2015-03-12T15:00:00', '2015-13-01T00:00:00Z', 'yesterday', ''])('refuses the instant %j', (v) => {
    expect(instantSchema.safeParse(v).success).toBe(false);
  });
  it.each(['2015-02-30', '2015-02-29', '2015-00-10', '15-03-01'])('refuses the date %j', (v) => {
    expect(localDateSchema.safeParse(v).success).toBe(false);
  });
  it('accepts a leap day', () => {
    expect(localDateSchema.parse('2016-02-29')).toBe('2016-02-29');
  });
});

describe('the hub event schema', () => {
  it('accepts a known event and refuses unknown types or missing fields', () => {
    const ok = { type: 'EmployeeInvitedToCafeSession', data: { sessionId: 'S1', employeeId: 'E1' } };
    expect(hubEventSchema.parse(ok)).toEqual(ok);
    expect(hubEventSchema.safeParse({ type: 'Nope', data: {} }).success).toBe(false);
    expect(hubEventSchema.safeParse({ type: 'EmployeeInvitedToCafeSession', data: { sessionId: 'S1' } }).success).toBe(false);
  });
});

describe('parseOrThrow', () => {
  it('names every bad field in one VALIDATION error', () => {
    const schema = employeeRegisteredSchema.shape.data;
    expect(() => parseOrThrow(schema, { employeeId: '', name: 'x' }, 'employee')).toThrow(
      expect.objectContaining({
        kind: 'VALIDATION',
        message: expect.stringMatching(/^Invalid employee: employeeId: must not be empty; grade: /),
      }),
    );
  });
});

describe('stream names', () => {
  // Every `…Stream` function of the events package, called with ids that contain '-' as ids may.
  const streamFunctions = Object.entries(events).filter(
    (entry): entry is [string, (...ids: string[]) => string] => entry[0].endsWith('Stream') && typeof entry[1] === 'function',
  );
  const categoryOf = (f: (...ids: string[]) => string) => {
    const name = f('a-1', 'b-2', 'c-3');
    return name.slice(0, name.indexOf('a-1'));
  };

  it('finds the stream functions of every context', () => {
    expect(streamFunctions.length).toBeGreaterThanOrEqual(12);
  });

  it('start with a category of one word and one "-", so two aggregates never share a stream (fc-activity-X was fc-X)', () => {
    const categories = streamFunctions.map(([, f]) => categoryOf(f));
    for (const category of categories) expect(category).toMatch(/^[a-zA-Z]+-$/);
    expect(new Set(categories).size).toBe(categories.length);
  });

  it('join several ids with "/", which no id may hold, so moving a "-" between ids names another stream', () => {
    const several = streamFunctions.filter(([, f]) => f.length > 1);
    expect(several.map(([name]) => name).sort()).toEqual(['emailLetterOpenStream', 'videoViewsStream']);
    for (const [, f] of several) {
      expect(f('a-b', 'c', 'd')).not.toBe(f('a', 'b-c', 'd'));
      expect(f('a', 'b-c', 'd')).not.toBe(f('a', 'b', 'c-d'));
    }
  });
});
