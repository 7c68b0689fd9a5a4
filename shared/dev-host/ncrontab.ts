/** Field ranges of a six-field NCRONTAB expression, as Azure Functions timers use: sec min hour day month weekday. */
const fields = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'weekday', min: 0, max: 6 },
] as const;

export class NcrontabError extends Error {}

function parseField(text: string, index: number): ReadonlySet<number> {
  const { name, min, max } = fields[index]!;
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new NcrontabError(`invalid ${name} field "${text}"`);
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new NcrontabError(`${name} field "${text}" is out of range`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** The next time strictly after `after` (UTC, whole seconds) that matches the schedule. */
export function nextOccurrence(expression: string, after: Date): Date {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) throw new NcrontabError(`"${expression}" must have six fields: second minute hour day month weekday`);
  const [second, minute, hour, day, month, weekday] = parts.map(parseField);
  const candidate = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 366 * 24 * 3600 * 1000;
  while (candidate.getTime() <= limit) {
    if (!month!.has(candidate.getUTCMonth() + 1) || !day!.has(candidate.getUTCDate()) || !weekday!.has(candidate.getUTCDay())) {
      candidate.setUTCHours(0, 0, 0, 0);
      candidate.setUTCDate(candidate.getUTCDate() + 1);
    } else if (!hour!.has(candidate.getUTCHours())) {
      candidate.setUTCMinutes(0, 0, 0);
      candidate.setUTCHours(candidate.getUTCHours() + 1);
    } else if (!minute!.has(candidate.getUTCMinutes())) {
      candidate.setUTCSeconds(0, 0);
      candidate.setUTCMinutes(candidate.getUTCMinutes() + 1);
    } else if (!second!.has(candidate.getUTCSeconds())) {
      candidate.setUTCSeconds(candidate.getUTCSeconds() + 1);
    } else {
      return candidate;
    }
  }
  throw new NcrontabError(`"${expression}" never fires`);
}
