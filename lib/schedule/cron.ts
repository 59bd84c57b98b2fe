/**
 * A cron expression that fires every `minutes` minutes, aligned to the clock, so every worker
 * process agrees on the slots. Intervals that do not divide an hour or a day are rounded to the
 * nearest one that does.
 */
export function cronForInterval(minutes: number): string {
  if (minutes < 60) {
    const step = [5, 10, 15, 20, 30].reduce((best, s) => (Math.abs(s - minutes) < Math.abs(best - minutes) ? s : best), 5);
    return `*/${step} * * * *`;
  }
  const hours = Math.round(minutes / 60);
  if (hours >= 24) return '0 0 * * *';
  const step = [1, 2, 3, 4, 6, 8, 12].reduce((best, s) => (Math.abs(s - hours) < Math.abs(best - hours) ? s : best), 1);
  return step === 1 ? '0 * * * *' : `0 */${step} * * *`;
}
