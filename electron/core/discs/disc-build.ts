import fs from 'node:fs';
import path from 'node:path';
import type { DiscJobDto } from '../../../shared/contract/discs-dto.js';
import type { PartyDto } from '../../../shared/contract/cases-dto.js';
import { type DiscMedium } from '../../../shared/rules/disc-media.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { AppError } from '../../../shared/errors.js';
import type { Job } from '../jobs/job.js';
import { bagFiles, writeBagTags, type BagFile } from './bag.js';
import { descriptionText, writeDescriptionPdf, type DescriptionDoc } from './description.js';
import { discReadme, copyVerifier } from './disc-readme.js';
import type { DiscEvidence } from './disc-evidence.js';
import type { NewDisc } from './disc-register.js';
import { checkImagePayload, hashOriginals } from './image-check.js';
import { buildImage, volumeLabel } from './xorriso.js';

export type DiscProgress = NonNullable<DiscJobDto['progress']>;

/** Everything one build needs, gathered and checked before the job starts. */
export interface BuildOrder {
  jobId: number;
  /** When the build started, by the app's clock: the bagging date and the papers' date. */
  now: Date;
  outDir: string;
  medium: DiscMedium;
  office: { name: string; unitCode: string };
  timeZone: string;
  caseRow: { id: number; caseNo: string; cause: string; parties: PartyDto[]; filedOn: string | null };
  discs: DiscEvidence[][];
  preparedBy: { id: number | null; name: string };
  replaces: { discId: number; reason: string } | null;
  sourceOf(sha256: string): string;
  auditExtract(recordIds: number[]): string;
}

/** The names a build leaves in its output folder; a crash or cancel removes exactly these. */
export function buildLeftovers(outDir: string, jobId: number): string[] {
  if (!fs.existsSync(outDir)) return [];
  return fs
    .readdirSync(outDir)
    .filter((n) => n.startsWith(`.rr-disc-${jobId}-`) || n.includes(`-j${jobId}.iso`))
    .map((n) => path.join(outDir, n));
}

export function removeLeftovers(outDir: string, jobId: number): void {
  for (const p of buildLeftovers(outDir, jobId)) {
    // Tag and payload files are made read-only on disc; a folder can still be removed with force.
    fs.rmSync(p, { recursive: true, force: true });
  }
}

const DESCRIPTION = '文字说明';

/**
 * Makes each planned disc: the bag's tag files (with the written description as text and the
 * audit extract), the printable description PDF whose footer carries the tag manifest's hash, the
 * README and the offline verifier, then the image with the originals grafted from the store, and
 * last every payload file hashed where it lies in the image. Returns the discs to register; until
 * then nothing is registered, and a failure leaves only what `removeLeftovers` clears.
 */
export async function buildDiscs(order: BuildOrder, job: Job<DiscProgress>, signal: AbortSignal): Promise<NewDisc[]> {
  fs.mkdirSync(order.outDir, { recursive: true });
  const made: NewDisc[] = [];
  const count = order.discs.length;
  const now = order.now;
  const builtAt = now.toISOString();
  const local = (instant: string | Date) => officeTime(instant, order.timeZone);
  const parties = order.caseRow.parties.map((p) => p.name).join('、');
  for (const [i, evidence] of order.discs.entries()) {
    const index = i + 1;
    const step = (name: string, percent: number) => {
      Object.assign(job.progress, { step: name, disc: index, discs: count, percent: Math.min(100, percent) });
      job.report();
    };
    // Each disc's start and each step boundary is a place to stop: the papers are quick, not instant.
    const checkpoint = () => {
      if (signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    };
    checkpoint();
    step('papers', 0);
    const label = volumeLabel(order.caseRow.caseNo, index, count);
    const files = bagFiles(evidence.map((e) => ({ recordId: e.recordId, source: order.sourceOf(e.sha256), name: e.name, sha256: e.sha256, sm3: e.sm3, size: e.size })));
    const gone = files.find((f) => !fs.existsSync(f.source));
    // Before xorriso, which would only say it could not find a file.
    if (gone) throw new AppError('ORIGINAL_MISSING', 'an original is missing from the store', { id: gone.recordId });
    const doc = describe(order, evidence, files, { index, count }, local(now), parties);
    const tags = path.join(order.outDir, `.rr-disc-${order.jobId}-${index}`);
    fs.mkdirSync(tags, { recursive: true });
    const bag = writeBagTags(
      tags,
      files,
      { office: order.office.name, unitCode: order.office.unitCode, caseNo: order.caseRow.caseNo, cause: order.caseRow.cause, parties, filedOn: order.caseRow.filedOn, disc: { index, count }, baggingDate: local(now).slice(0, 10) },
      [
        { name: `${DESCRIPTION}.txt`, content: descriptionText(doc) },
        { name: '审计摘录.txt', content: order.auditExtract(evidence.map((e) => e.recordId)) },
      ],
    );
    // Beside the bag, not in its tag manifest: the PDF prints that manifest's hash on every page.
    await writeDescriptionPdf(path.join(tags, `${DESCRIPTION}.pdf`), doc, bag.tagmanifestSha256, now);
    fs.writeFileSync(path.join(tags, 'README.txt'), discReadme({ office: order.office.name, caseNo: order.caseRow.caseNo, disc: { index, count }, builtAt: local(now) }));
    copyVerifier(tags);
    const iso = path.join(order.outDir, `${label}-j${order.jobId}.iso`);
    checkpoint();
    step('image', 0);
    // The originals are hashed while xorriso writes them into the image: the two reads overlap,
    // and a changed original stops xorriso at once.
    const both = new AbortController();
    const stop = () => both.abort();
    signal.addEventListener('abort', stop);
    let hashes: Awaited<ReturnType<typeof hashOriginals>>;
    try {
      [hashes] = await Promise.all([
        hashOriginals(files, () => undefined, both.signal).catch((e: unknown) => {
          both.abort();
          throw e;
        }),
        buildImage(tags, files, iso, label, (p) => step('image', p), both.signal).catch((e: unknown) => {
          both.abort();
          throw e;
        }),
      ]);
    } finally {
      signal.removeEventListener('abort', stop);
    }
    step('check', 100);
    await checkImagePayload(iso, files, hashes);
    fs.rmSync(tags, { recursive: true, force: true });
    made.push({
      caseId: order.caseRow.id,
      buildJobId: order.jobId,
      index,
      count,
      medium: order.medium,
      volumeLabel: label,
      tagmanifestSha256: bag.tagmanifestSha256,
      payloadOxum: bag.payloadOxum,
      imageBytes: fs.statSync(iso).size,
      imagePath: iso,
      builtAt,
      builtBy: order.preparedBy.id,
      replaces: order.replaces,
      files: files.map((f) => ({ recordId: f.recordId, path: f.path, sha256: f.sha256, size: f.size })),
    });
  }
  return made;
}

function describe(order: BuildOrder, evidence: DiscEvidence[], files: BagFile[], disc: { index: number; count: number }, preparedAt: string, parties: string): DescriptionDoc {
  return {
    office: order.office.name,
    unitCode: order.office.unitCode,
    caseNo: order.caseRow.caseNo,
    cause: order.caseRow.cause,
    parties,
    filedOn: order.caseRow.filedOn,
    disc,
    preparedAt,
    preparedBy: order.preparedBy.name,
    records: evidence.map((e, i) => {
      const facts = e.facts as NonNullable<DiscEvidence['facts']>;
      return {
        recordId: e.recordId,
        discPath: (files[i] as BagFile).path,
        originalName: e.name,
        collectors: facts.collectors,
        collectedAt: facts.collectedAt.replace('T', ' '),
        place: facts.place,
        statement: facts.statement,
        camera: e.deviceNo,
        officer: e.officer,
        recordedAt: e.recordedAt ? e.recordedAt.replace('T', ' ') : null,
        durationSeconds: e.durationSeconds,
        size: e.size,
        sha256: e.sha256,
        sm3: e.sm3,
      };
    }),
  };
}

