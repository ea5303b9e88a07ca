import { afterEach } from 'vitest';

/**
 * Gives the worker's event loop a turn between tests. A file of synchronous tests (a CLI run with
 * spawnSync, a PDF read with execFileSync) otherwise runs test after test in one microtask chain
 * and never reads the runner's answers; past a minute, vitest's own RPC times out
 * ("Timeout calling onTaskUpdate") and fails the run although every test passed.
 */
afterEach(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
