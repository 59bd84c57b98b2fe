/** A job run on a timer inside this process (the PGlite schedules): ticks never overlap. */
export interface InProcessTimer {
  /** Run the job now, or join the run already under way. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Run `job` after `firstTickMs`, then every `tickMs`. A tick that finds one still running joins
 * it instead of starting another; a failure is logged as `<name> tick failed: …` and the timer
 * goes on. The timers never keep the process alive.
 */
export function startTimer(options: { name: string; job: () => Promise<void>; tickMs: number; firstTickMs: number; log: (message: string) => void }): InProcessTimer {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        await options.job();
      } catch (error) {
        options.log(`${options.name} tick failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const first = setTimeout(() => void tick(), options.firstTickMs);
  const timer = setInterval(() => void tick(), options.tickMs);
  first.unref();
  timer.unref();
  return {
    tick,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
