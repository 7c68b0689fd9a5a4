import { describe, expect, it } from 'vitest';
import { errorText } from '../../../shared/sync/error-text';

describe('error text', () => {
  it('drops credentials and connection strings', () => {
    const text = errorText(new Error("Login failed: Server=tcp:erp,1433;User Id=sa;Password=p@ss;Database=epds01"));
    expect(text).not.toMatch(/p@ss|sa;|tcp:erp/);
  });
});
