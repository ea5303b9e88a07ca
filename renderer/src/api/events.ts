import { useEffect } from 'react';
import type { PushEvent } from '../../../shared/contract/envelope.js';
import { transport } from './transport.js';

/** Subscribes to the core's push events (import progress, …) for the life of a component. */
export function usePushEvents(handler: (event: PushEvent) => void): void {
  useEffect(() => transport.subscribe(handler), [handler]);
}
