import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { withoutUnsafeText } from '../../../shared/rules/safe-text.js';

/** One original going into a bag: where its bytes are, the name it gets, and what the catalogue says they hash to. */
export interface BagPayload {
  recordId: number;
  source: string;
  name: string;
  sha256: string;
}

/** What bag-info.txt says about the disc (RFC 8493 §2.2.2, with the case's own fields). */
export interface BagInfo {
  office: string;
  unitCode: string;
  caseNo: string;
  cause: string;
  parties: string;
  filedOn: string | null;
  disc: { index: number; count: number };
  baggingDate: string;
}


/**
 * A payload path as both BagIt and `sha256sum -c` read it. RFC 8493 wants CR, LF and % in a
 * manifest percent-encoded, which `sha256sum -c` would not decode; so those characters never
 * reach a name on the disc (the written description keeps the original name). Nor do controls and
 * direction overrides: `…\u202Egnp.MP4` would show in Explorer as a PNG.
 */
export function discName(name: string): string {
  const cleaned = withoutUnsafeText(name.replace(/%/g, '％').replace(/[\r\n]/g, ' ').replace(/[\\/:*?"<>|]/g, '_')).trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** Each original under its own name; a name taken twice gets its record number in front. */
function payloadPaths(payload: BagPayload[]): string[] {
  const counts = new Map<string, number>();
  for (const p of payload) counts.set(discName(p.name).toLowerCase(), (counts.get(discName(p.name).toLowerCase()) ?? 0) + 1);
  return payload.map((p) => {
    const name = discName(p.name);
    return `data/${(counts.get(name.toLowerCase()) ?? 0) > 1 ? `${p.recordId}-${name}` : name}`;
  });
}

/** bag-info values are single lines: a line break would start a new label. */
function field(value: string): string {
  return withoutUnsafeText(value.replace(/\s*[\r\n]+\s*/g, ' ')).trim();
}

function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One payload file of a bag: where it sits in the bag, where its bytes come from, what they hash to. */
export interface BagFile {
  recordId: number;
  path: string;
  source: string;
  sha256: string;
  sm3: string;
  size: number;
}

/** The bag's payload with each original's place in it; the hashes are the catalogue's. */
export function bagFiles(payload: (BagPayload & { sm3: string; size: number })[]): BagFile[] {
  const paths = payloadPaths(payload);
  return payload.map((p, i) => ({ recordId: p.recordId, path: paths[i] as string, source: p.source, sha256: p.sha256, sm3: p.sm3, size: p.size }));
}

/**
 * Writes a bag's tag files into `root`: the declaration, bag-info, SHA-256 and SM3 manifests, the
 * extra tag files given (written description, audit extract) and the tag manifest over all of
 * them. The payload itself is not copied here: the image grafts the originals from the store and
 * is then checked against these manifests (see image-check.ts).
 */
export function writeBagTags(root: string, files: Omit<BagFile, 'source'>[], info: BagInfo, tagFiles: { name: string; content: string | Buffer }[] = []): { tagmanifestSha256: string; payloadOxum: string } {
  const octets = files.reduce((n, f) => n + f.size, 0);
  const payloadOxum = `${octets}.${files.length}`;
  const tags = new Map<string, string | Buffer>();
  tags.set('bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const infoLines: [string, string][] = [
    ['Source-Organization', info.office],
    ['Organization-Unit-Code', info.unitCode],
    ['External-Identifier', info.caseNo],
    ['Bag-Group-Identifier', info.caseNo],
    ['Bag-Count', `${info.disc.index} of ${info.disc.count}`],
    ['Case-Number', info.caseNo],
    ['Case-Cause', info.cause],
    ['Parties', info.parties],
    ['Filing-Date', info.filedOn ?? ''],
    ['Bagging-Date', info.baggingDate],
    ['Payload-Oxum', payloadOxum],
  ];
  tags.set('bag-info.txt', infoLines.map(([k, v]) => `${k}: ${field(v)}\n`).join(''));
  tags.set('manifest-sha256.txt', files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  tags.set('manifest-sm3.txt', files.map((f) => `${f.sm3}  ${f.path}\n`).join(''));
  for (const t of tagFiles) tags.set(t.name, t.content);
  fs.mkdirSync(root, { recursive: true });
  for (const [name, content] of tags) fs.writeFileSync(path.join(root, name), content);
  const tagmanifest = [...tags].map(([name, content]) => `${sha256Hex(content)}  ${name}\n`).join('');
  fs.writeFileSync(path.join(root, 'tagmanifest-sha256.txt'), tagmanifest);
  return { tagmanifestSha256: sha256Hex(tagmanifest), payloadOxum };
}
