import { EVENT_MAX_ATTEMPTS, eventVerdict } from './domain-event.rules.js';

describe('a failing outbox event: retry or park', () => {
  it('retries below the maximum and parks at it', () => {
    expect(eventVerdict(1, 3)).toBe('retry');
    expect(eventVerdict(2, 3)).toBe('retry');
    expect(eventVerdict(3, 3)).toBe('park');
  });

  it('parks one that went past the maximum without a recorded failure (its workers died)', () => {
    expect(eventVerdict(4, 3)).toBe('park');
  });

  it('allows three rounds of the queue job’s retries by default', () => {
    expect(EVENT_MAX_ATTEMPTS).toBe(24);
    expect(eventVerdict(EVENT_MAX_ATTEMPTS - 1)).toBe('retry');
    expect(eventVerdict(EVENT_MAX_ATTEMPTS)).toBe('park');
  });
});
