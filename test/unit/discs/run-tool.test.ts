import { describe, expect, it } from 'vitest';
import { runTool } from '../../../electron/core/discs/run-tool.js';
import { xorrisoPercent } from '../../../electron/core/discs/xorriso.js';

const node = process.execPath;

describe('starting an external tool', () => {
  it('feeds its stdin, hands back its stdout and each line of both streams as it comes', async () => {
    const lines: string[] = [];
    const script = "process.stdin.pipe(process.stdout); process.stderr.write('PERCENT:12.5\\r')";
    const out = await runTool(node, ['-e', script], { stdin: 'a\nb\r\n光盘', timeoutMs: 10_000, onLine: (l) => lines.push(l) });
    expect(out).toBe('a\nb\r\n光盘');
    expect(lines.sort()).toEqual(['PERCENT:12.5', 'a', 'b', '光盘']);
  });

  it('turns a failure, a missing program, a hang and a cancel into the codes the UI knows', async () => {
    const failed = await runTool(node, ['-e', "console.error('first'); console.error('why it failed'); process.exit(3)"], { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'node', reason: 'first / why it failed' } });

    const missing = await runTool('/nonexistent/powershell.exe', [], { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'powershell', reason: 'missing' } });

    const hung = await runTool(node, ['-e', 'setTimeout(() => undefined, 60_000)'], { timeoutMs: 300, tool: 'hdiutil' }).catch((e: unknown) => e);
    expect(hung).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'hdiutil', reason: 'no answer after 0 s' } });

    const controller = new AbortController();
    const running = runTool(node, ['-e', 'setTimeout(() => undefined, 60_000)'], { timeoutMs: 60_000, signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 100);
    expect(await running).toMatchObject({ code: 'CANCELLED' });
  });

  it("reads xorriso's progress both while it builds an image and while it writes one to a drive", () => {
    expect(xorrisoPercent('xorriso : UPDATE :  45.25% done')).toBe(45.25);
    expect(xorrisoPercent('xorriso : UPDATE :   92 of   98 MB written (fifo 99%) [buf  50%]  53.5x.')).toBeCloseTo(93.88, 1);
    expect(xorrisoPercent('xorriso : UPDATE :    0 of    0 MB written [buf  50%]')).toBeNull();
    expect(xorrisoPercent('Media status : is blank')).toBeNull();
  });
});
