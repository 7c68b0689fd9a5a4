import { describe, expect, it } from 'vitest';
import { errorText } from '../../../shared/sync/error-text';
import { Redactor } from '../../../shared/telemetry/redactor';

describe('error text', () => {
  it('goes through the one redactor: credentials masked, the server left to diagnose', () => {
    const redactor = new Redactor(() => []);
    const text = errorText(new Error('Login failed: Server=tcp:erp,1433;User Id=sa;Password={p@ss;w0rd};Database=epds01'), (t) => redactor.text(t));
    expect(text).toBe('Error: Login failed: Server=tcp:erp,1433;User Id=sa;Password=[REDACTED];Database=epds01');
  });

  it('redacts before it cuts, so a known secret across the cut is still masked whole', () => {
    const secret = 'known-secret-value-0123456789';
    const redactor = new Redactor(() => [secret]);
    const text = errorText(new Error(`${'x'.repeat(20)}${secret}`), (t) => redactor.text(t), 30);
    expect(text).toBe(`Error: ${'x'.repeat(20)}[RE`);
  });
});
