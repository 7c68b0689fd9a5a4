import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../shared/telemetry/redactor';

const secrets = ['portal-key-1234567890', 'bc-client-secret-value'];
const redactor = new Redactor(() => secrets);

describe('Redactor', () => {
  it('removes every known secret value wherever it appears', () => {
    const text = redactor.text('keys portal-key-1234567890 and bc-client-secret-value, again portal-key-1234567890');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it('removes connection-string passwords and storage keys but keeps the rest readable', () => {
    const text = redactor.text('Server=tcp:erp,1433;Database=epds01;User Id=portal;Password=Pa55;word!;Encrypt=true');
    expect(text).toBe('Server=tcp:erp,1433;Database=epds01;User Id=portal;Password=[REDACTED];word!;Encrypt=true');
    expect(redactor.text('DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc/def+==;')).not.toContain('abc/def');
  });

  it('masks quoted and braced values in every grammar a credential is written in', () => {
    const cases: [string, string][] = [
      ['Server=tcp:erp,1433;Password={p@ss;w0rd};Encrypt=true', 'Server=tcp:erp,1433;Password=[REDACTED];Encrypt=true'],
      ['Server=erp;Password={a}}b;c};Database=x', 'Server=erp;Password=[REDACTED];Database=x'],
      ["Server=erp;Pwd='x y';Database=x", "Server=erp;Pwd='[REDACTED]';Database=x"],
      ["Server=erp;Pwd='it''s; secret';Database=x", "Server=erp;Pwd='[REDACTED]';Database=x"],
      ['Server=erp;Password="x ""y"" z";Database=x', 'Server=erp;Password="[REDACTED]";Database=x'],
      ['{"password":"hunter2","user":"u"}', '{"password":"[REDACTED]","user":"u"}'],
      ['{"client_secret": "s\\"x", "n": 1}', '{"client_secret": "[REDACTED]", "n": 1}'],
      ['{"password": 123456}', '{"password": [REDACTED]}'],
      ['client_secret: abc', 'client_secret: [REDACTED]'],
      ['  api_key: "abc def"\n  region: west', '  api_key: "[REDACTED]"\n  region: west'],
      ['Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc+/=', 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=[REDACTED]'],
      ['https://st.queue.core.windows.net/q?sv=2022&sig=abc%2Fdef&se=1', 'https://st.queue.core.windows.net/q?sv=2022&sig=[REDACTED]&se=1'],
    ];
    for (const [input, expected] of cases) expect(redactor.text(input), input).toBe(expected);
  });

  it('removes bearer tokens, JWTs and API key headers', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl';
    expect(redactor.text(`Authorization: Bearer ${jwt}`)).toBe('Authorization: Bearer [REDACTED]');
    expect(redactor.text(`token in a url ${jwt} here`)).toBe('token in a url [REDACTED] here');
    expect(redactor.text('{"x-api-key":"k-unknown-123"}')).toBe('{"x-api-key":"[REDACTED]"}');
  });

  it('redacts nested values and errors', () => {
    const error = new Error('login failed for Password=hunter22');
    const value = redactor.value({ list: ['portal-key-1234567890'], error }) as { list: string[]; error: string };
    expect(value.list).toEqual(['[REDACTED]']);
    expect(value.error).toContain('Password=[REDACTED]');
    expect(value.error).not.toContain('hunter22');
  });
});
