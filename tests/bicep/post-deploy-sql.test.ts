// bicep/post-deploy.sql: the database settings and the app's user, both safe to run again. CI also parses the
// file with Microsoft's T-SQL parser (.ci/tsql-parse.sh), which checks the grammar these text checks cannot.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bicepDir } from './helpers/bicep-cli';

const script = readFileSync(path.join(bicepDir, 'post-deploy.sql'), 'utf8');
const statements = script
  .split('\n')
  .filter((line) => !line.trimStart().startsWith('--'))
  .join('\n');
const mainBicep = readFileSync(path.join(bicepDir, 'main.bicep'), 'utf8');
const readme = readFileSync(path.join(bicepDir, 'README.md'), 'utf8');

describe('bicep/post-deploy.sql', () => {
  it('turns READ_COMMITTED_SNAPSHOT on only where it is off', () => {
    expect(statements).toMatch(
      /IF EXISTS \(SELECT 1 FROM sys\.databases WHERE database_id = DB_ID\(\) AND is_read_committed_snapshot_on = 0\)\s+ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON\b/,
    );
  });

  it('creates the managed-identity user by object id, only when it does not exist', () => {
    expect(statements).toMatch(
      /IF NOT EXISTS \(SELECT 1 FROM sys\.database_principals WHERE name = N'\$\(FunctionAppName\)'\)\s+CREATE USER \[\$\(FunctionAppName\)\] FROM EXTERNAL PROVIDER WITH OBJECT_ID = '\$\(PrincipalId\)';/,
    );
    expect(statements.match(/CREATE USER/g)).toHaveLength(1);
  });

  it('grants read, write and DDL to that user', () => {
    for (const role of ['db_datareader', 'db_datawriter', 'db_ddladmin']) {
      expect(statements).toContain(`ALTER ROLE ${role} ADD MEMBER [$(FunctionAppName)];`);
    }
  });

  it('uses only sqlcmd variables the documented command passes, from outputs the template has', () => {
    const used = [...new Set([...statements.matchAll(/\$\((\w+)\)/g)].map((m) => m[1]))].sort();
    expect(used).toEqual(['FunctionAppName', 'PrincipalId']);
    for (const [variable, output] of [['FunctionAppName', 'functionAppName'], ['PrincipalId', 'functionAppPrincipalId']]) {
      expect(mainBicep).toMatch(new RegExp(`^output ${output} string`, 'm'));
      expect(readme).toContain(`${variable}=<${output}>`);
      expect(script).toContain(`${variable}=<${output} output>`);
    }
  });
});
