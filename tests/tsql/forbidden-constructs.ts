/** Kysely constructs that compile on the MSSQL dialect but are not T-SQL, or break at scale or under concurrency. */
const forbidden: ReadonlyArray<readonly [RegExp, string]> = [
  [/\blimit\b/i, '`limit` is not T-SQL: use .top() or .offset().fetch()'],
  [/\breturning\b/i, '`returning` is not T-SQL: use .output()'],
  [/\bcreate\s+table\b[^;]*?\bas\s+select\b/i, '`create table … as select` is not T-SQL'],
  [/\bif\s+not\s+exists\b/i, '`if not exists` in DDL is not T-SQL'],
  [/\bilike\b/i, '`ilike` is not T-SQL'],
  [/::/, '`::` casts are not T-SQL'],
  [/\bon\s+conflict\b/i, '`on conflict` is not T-SQL: use MERGE'],
  [
    /\bcreate\s+table\s+["[]?#[^;]*?\bconstraint\b/i,
    'a named constraint on a #temp table: its name is shared by every session in tempdb (Msg 2714 when two create it); leave it unnamed',
  ],
];

const maxParameters = 2100;

/** Problems in a rendered snapshot script (batches separated by GO, each with a `-- parameters: N` header). */
export function findForbiddenConstructs(script: string): string[] {
  const problems: string[] = [];
  for (const batch of script.split(/^GO$/m)) {
    const label = /^-- (.*)$/m.exec(batch)?.[1] ?? '(unlabelled)';
    const parameters = Number(/^-- parameters: (\d+)$/m.exec(batch)?.[1] ?? 0);
    const code = batch.replace(/^--.*$/gm, '').replace(/'(?:[^']|'')*'/g, "''");
    for (const [pattern, message] of forbidden) {
      if (pattern.test(code)) problems.push(`${label}: ${message}`);
    }
    if (parameters > maxParameters) problems.push(`${label}: ${parameters} parameters exceed SQL Server's ${maxParameters}`);
  }
  return problems;
}
