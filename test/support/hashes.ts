import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Hashes of a small test file, computed independently of the app's streaming hashers. */
export const sha256OfFile = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
export const sm3OfFile = async (file: string): Promise<string> => createHash('sm3').update(fs.readFileSync(file)).digest('hex');
