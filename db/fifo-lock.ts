// A first-come, first-served async lock: one holder at a time, the others wait in arrival order.
// SQLite's connection queue and PostgreSQL's in-process writer turn are both this.

export type Release = () => void;

export class FifoLock {
  private waiting: (() => void)[] = [];
  holder: symbol | null = null;

  /** Nobody holds it and nobody waits. */
  get idle() {
    return this.holder === null && this.waiting.length === 0;
  }

  acquire(owner: symbol): Promise<Release> {
    const grant = (): Release => {
      this.holder = owner;
      return () => {
        this.holder = null;
        this.waiting.shift()?.();
      };
    };
    if (this.holder === null && this.waiting.length === 0) return Promise.resolve(grant());
    return new Promise((resolve) => this.waiting.push(() => resolve(grant())));
  }
}
