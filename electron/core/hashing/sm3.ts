import { createHash, getHashes } from 'node:crypto';
import { createSM3 } from 'hash-wasm';

export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

/**
 * SM3 (GB/T 32905). Node's OpenSSL has it; Electron's BoringSSL does not, so there the
 * WebAssembly implementation is used. Both give the same digest (tested).
 */
export async function createSm3(prefer: 'auto' | 'wasm' = process.env.RECORDS_SM3 === 'wasm' ? 'wasm' : 'auto'): Promise<IncrementalHash> {
  if (prefer === 'auto' && getHashes().includes('sm3')) {
    const h = createHash('sm3');
    return { update: (c) => h.update(c), digestHex: () => h.digest('hex') };
  }
  const h = await createSM3();
  h.init();
  return { update: (c) => h.update(c), digestHex: () => h.digest('hex') };
}

export function createSha256(): IncrementalHash {
  const h = createHash('sha256');
  return { update: (c) => h.update(c), digestHex: () => h.digest('hex') };
}
