/** How fast a send goes and how long the rest will take, for a progress display. */

/** "340 customers/min · about 12 min left"; undefined until there is something to go by. */
export function describeRate(done: number, total: number, elapsedMs: number): string | undefined {
  if (done <= 0 || elapsedMs < 1_000) return undefined;
  const perMinute = (done * 60_000) / elapsedMs;
  const left = Math.max(0, total - done);
  return `${Math.round(perMinute).toLocaleString('en-US')} customers/min · ${left === 0 ? 'finishing' : `${describeDuration((left / perMinute) * 60_000)} left`}`;
}

function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
