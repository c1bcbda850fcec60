/**
 * A per-provider circuit breaker (the pattern Wealthfolio's registry uses): after `failureThreshold` consecutive
 * failures the provider is skipped (open) for `coolDownMs`; then one trial request is let through (half-open), and
 * its outcome closes or re-opens the circuit. The clock is injected, so tests step time instead of waiting.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  now: () => number;
}

interface Circuit {
  state: CircuitState;
  failures: number;
  openedAt: number;
}

export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;

  constructor(o: BreakerOptions) {
    this.threshold = o.failureThreshold ?? 3;
    this.coolDownMs = o.coolDownMs ?? 60_000;
    this.now = o.now;
  }

  /** Whether a request may go to `id` now; moves an open circuit whose cool-down is over to half-open. */
  allows(id: string): boolean {
    const c = this.circuit(id);
    if (c.state !== 'open') return true;
    if (this.now() - c.openedAt < this.coolDownMs) return false;
    c.state = 'half-open';
    return true;
  }

  success(id: string): void {
    const c = this.circuit(id);
    c.state = 'closed';
    c.failures = 0;
  }

  failure(id: string): void {
    const c = this.circuit(id);
    c.failures++;
    // A failed trial re-opens at once; a closed circuit opens at the threshold.
    if (c.state === 'half-open' || c.failures >= this.threshold) {
      c.state = 'open';
      c.openedAt = this.now();
    }
  }

  state(id: string): CircuitState {
    return this.circuit(id).state;
  }

  private circuit(id: string): Circuit {
    let c = this.circuits.get(id);
    if (!c) {
      c = { state: 'closed', failures: 0, openedAt: 0 };
      this.circuits.set(id, c);
    }
    return c;
  }
}
