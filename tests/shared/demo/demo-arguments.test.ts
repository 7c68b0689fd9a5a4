import { describe, expect, it } from 'vitest';
import { DemoUsageError, parseDemoArguments } from '../../../shared/demo';

describe('parseDemoArguments', () => {
  it('leaves unset flags to the defaults', () => {
    expect(parseDemoArguments([])).toEqual({ help: false, replace: false, customers: undefined, days: undefined, seed: undefined });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseDemoArguments(['--customers', '300', '--days=60', '--seed', '0', '--replace'])).toEqual({
      help: false,
      replace: true,
      customers: 300,
      days: 60,
      seed: 0,
    });
  });

  it.each([
    [['--customers', 'abc'], '--customers must be an integer from 1 to 90000; got "abc"'],
    [['--customers', '0'], '--customers must be an integer from 1 to 90000; got "0"'],
    [['--customers', '90001'], '--customers must be an integer'],
    [['--days', '12.5'], '--days must be an integer from 1 to 3650; got "12.5"'],
    [['--days', ' 7'], '--days must be an integer'],
    [['--seed', '-3'], "Option '--seed' argument is ambiguous"],
    [['--seed=-3'], '--seed must be an integer from 0 to 4294967295; got "-3"'],
    [['--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295'],
    [['--seed', '1e3'], '--seed must be an integer'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('rejects %j', (args, message) => {
    expect(() => parseDemoArguments(args)).toThrow(DemoUsageError);
    expect(() => parseDemoArguments(args)).toThrow(message);
  });
});
