import { describe, expect, it } from 'vitest';
import { findForbiddenConstructs } from './forbidden-constructs';

const batch = (sql: string, parameters = 0) => `-- q\n-- parameters: ${parameters}\n${sql}\nGO\n`;

describe('the forbidden-construct check itself', () => {
  it.each([
    ['select * from t order by a limit @1', 'limit'],
    ['insert into t (a) values (@1) returning id', 'returning'],
    ['create table t2 as select * from t', 'create table'],
    ['create table if not exists t (a int)', 'if not exists'],
    ['select a::int from t', '::'],
    ['create table "#s" ("a" int not null, constraint "pk_#s" primary key ("a"))', 'named constraint'],
    ['create table [#s] (a int constraint df_s default 0)', 'named constraint'],
  ])('rejects %s', (sql, word) => {
    expect(findForbiddenConstructs(batch(sql)).join()).toContain(word);
  });

  it('rejects more than 2,100 parameters', () => {
    expect(findForbiddenConstructs(batch('select 1', 2101))).toHaveLength(1);
  });

  it('accepts unnamed constraints on #temp tables and named ones on permanent tables', () => {
    expect(
      findForbiddenConstructs(
        batch('create table "#s" ("a" int not null, primary key ("a"))\nGO\ncreate table "t" ("a" int, constraint "pk_t" primary key ("a"))'),
      ),
    ).toEqual([]);
  });

  it('accepts valid T-SQL, including forbidden words inside string literals', () => {
    expect(
      findForbiddenConstructs(batch("select top (@1) [a] from [t] where [b] = 'no limit here' order by [a]", 2100)),
    ).toEqual([]);
  });
});
