import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version.js';

describe('version', () => {
  it('matches package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
  });
});
