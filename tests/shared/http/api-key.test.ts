import { describe, expect, it } from 'vitest';
import { ApiKeySet } from '../../../shared/http/api-key';

describe('api keys', () => {
  it('matches any configured key and nothing else', () => {
    const keys = new ApiKeySet(['one', 'two', '']);
    expect([keys.indexOf('one'), keys.indexOf('two'), keys.indexOf('three'), keys.indexOf('')]).toEqual([0, 1, -1, -1]);
  });
});
