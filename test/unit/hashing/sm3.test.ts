import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSm3 } from '../../../electron/core/hashing/sm3.js';

// GB/T 32905-2016, example 1: SM3("abc").
const ABC = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';

describe('SM3', () => {
  it('gives the standard digest in both implementations (OpenSSL in Node, WebAssembly for Electron)', async () => {
    for (const prefer of ['auto', 'wasm'] as const) {
      const h = await createSm3(prefer);
      h.update(Buffer.from('abc'));
      expect(h.digestHex()).toBe(ABC);
    }
  });

  it('agrees between implementations over chunked input', async () => {
    const data = randomBytes(3 << 20);
    const [a, b] = [await createSm3('auto'), await createSm3('wasm')];
    for (let i = 0; i < data.length; i += 777_777) {
      a.update(data.subarray(i, i + 777_777));
      b.update(data.subarray(i, i + 777_777));
    }
    expect(a.digestHex()).toBe(b.digestHex());
  });
});
