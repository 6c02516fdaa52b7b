/**
 * Work that runs every `everyMs` in each process that boots the app (the sweeps, the outbox
 * relay): never two runs at once, since a long run would otherwise be stacked on by the next tick;
 * the timer does not keep the process alive, and `stop()` waits for a run in progress.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the timer; 0 or less leaves it off (tests run the work by hand). */
  start(everyMs: number): void {
    if (everyMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.work()
        .catch(this.onError)
        .finally(() => (this.running = null));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
