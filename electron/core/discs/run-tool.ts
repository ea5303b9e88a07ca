import { spawn } from 'node:child_process';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

export interface RunOptions {
  /** Written to the tool's standard input, which is then closed. */
  stdin?: string;
  /** Each line the tool prints, on stdout or stderr, as it comes: where progress is read. */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
  /** A tool still running after this long hangs, and is killed. */
  timeoutMs: number;
  /** The name a TOOL_FAILED error gives; the command's own name otherwise. */
  tool?: string;
}

/**
 * How the disc code starts an external tool: an argument array, never a shell line. Resolves
 * with its stdout. Injectable, so tests of the Windows and macOS burners see exactly what would
 * run on those systems without running it.
 */
export type Run = (cmd: string, args: string[], options: RunOptions) => Promise<string>;

/** The last few lines a failing tool printed: its own words for what went wrong. */
function tail(text: string): string {
  return text.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean).slice(-3).join(' / ');
}

/**
 * The real spawner. Exit 0 resolves; a missing program is TOOL_FAILED with reason "missing", any
 * other failure TOOL_FAILED with the tail of stderr (or stdout), a timeout says so, and an abort
 * through `signal` kills the tool and is CANCELLED.
 */
export const runTool: Run = (cmd, args, options) =>
  new Promise((resolve, reject) => {
    const tool = options.tool ?? path.basename(cmd).replace(/\.exe$/i, '');
    const child = spawn(cmd, args, { windowsHide: true, signal: options.signal });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, options.timeoutMs);
    const lines = (keep: (text: string) => void) => {
      let rest = '';
      return {
        data(text: string) {
          keep(text);
          const parts = (rest + text).split(/\r?\n|\r/);
          rest = parts.pop() ?? '';
          for (const line of parts) options.onLine?.(line);
        },
        end() {
          if (rest) options.onLine?.(rest);
          rest = '';
        },
      };
    };
    const stdout = lines((t) => (out += t));
    const stderr = lines((t) => (err = (err + t).slice(-8000)));
    child.stdout.setEncoding('utf8').on('data', stdout.data);
    child.stderr.setEncoding('utf8').on('data', stderr.data);
    child.stdin.on('error', () => undefined); // a tool that exits without reading its input
    child.stdin.end(options.stdin ?? '');
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (e.name === 'AbortError') reject(new AppError('CANCELLED', 'cancelled'));
      else reject(new AppError('TOOL_FAILED', `${tool} could not run`, { tool, reason: e.code === 'ENOENT' ? 'missing' : e.message }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      stdout.end();
      stderr.end();
      if (options.signal?.aborted) return reject(new AppError('CANCELLED', 'cancelled'));
      if (timedOut) return reject(new AppError('TOOL_FAILED', `${tool} timed out`, { tool, reason: `no answer after ${Math.round(options.timeoutMs / 1000)} s` }));
      if (code === 0) return resolve(out);
      reject(new AppError('TOOL_FAILED', `${tool} failed`, { tool, reason: tail(err) || tail(out) || `exit ${code}` }));
    });
  });
