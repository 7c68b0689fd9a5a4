/** Ids per `in (…)` list: far below SQL Server's 2,100 parameters per statement. */
export const idsPerStatement = 1000;

export function* idChunks(ids: readonly number[]): Generator<readonly number[]> {
  for (let start = 0; start < ids.length; start += idsPerStatement) yield ids.slice(start, start + idsPerStatement);
}
