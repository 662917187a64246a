/** A clock a test moves by hand: it stands still until the test sets or advances it. */
export class TestClock {
  private at: number;

  constructor(start: Date | string = '2031-03-02T09:00:00.000Z') {
    this.at = new Date(start).getTime();
  }

  /** The clock as the code under test takes it (`() => Date`). */
  readonly now = (): Date => new Date(this.at);

  advance(ms: number): Date {
    this.at += ms;
    return this.now();
  }

  set(to: Date): Date {
    this.at = to.getTime();
    return this.now();
  }
}

/**
 * A clock that runs with real time, shifted by what the test asks: for a whole service, where timestamps must keep
 * moving forward while a test jumps days ahead.
 */
export class ShiftedClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves the clock so that it reads `to` now (it keeps running from there). */
  set(to: Date): Date {
    this.offsetMs = to.getTime() - Date.now();
    return this.now();
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }
}
