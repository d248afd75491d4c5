// Named seeds for a fresh sandbox state.
import { emptyState, type State } from '../state';
import { demoState } from './demo';

export type SeedName = 'demo' | 'empty';

export function seedState(seed: SeedName, now: number): State {
  return seed === 'demo' ? demoState(now) : emptyState();
}
