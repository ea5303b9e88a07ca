import fs from 'node:fs';
import path from 'node:path';
import { bagFiles, writeBagTags, type BagInfo, type BagPayload } from '../../electron/core/discs/bag.js';
import { sha256OfFile, sm3OfFile } from './hashes.js';

/** The case a test bag is made for. */
export const BAG_INFO: BagInfo = {
  office: '峡口镇综合行政执法办公室',
  unitCode: 'XK-01',
  caseNo: '峡综执罚〔2026〕1号',
  cause: '占道经营',
  parties: '王某某',
  filedOn: '2026-11-20',
  disc: { index: 1, count: 1 },
  baggingDate: '2026-12-02',
};

export interface WrittenBag {
  tagmanifestSha256: string;
  payloadOxum: string;
  files: { recordId: number; path: string; sha256: string; sm3: string; size: number }[];
}

/**
 * A complete bag in one folder, originals copied in: what a disc holds once extracted. The app
 * never writes one (its images graft the originals from the store); tests use it to make a disc's
 * tree for the burners, the verifier page and the bag's own checks.
 */
export async function writeBag(root: string, payload: BagPayload[], info: BagInfo, tagFiles: { name: string; content: string | Buffer }[] = []): Promise<WrittenBag> {
  const files = bagFiles(await Promise.all(payload.map(async (p) => ({ ...p, sm3: await sm3OfFile(p.source), size: fs.statSync(p.source).size }))));
  for (const f of files) {
    const target = path.join(root, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(f.source, target);
    if (sha256OfFile(target) !== f.sha256) throw new Error(`${f.source} does not hash as given`);
  }
  return { ...writeBagTags(root, files, info, tagFiles), files: files.map(({ source: _source, ...f }) => f) };
}
