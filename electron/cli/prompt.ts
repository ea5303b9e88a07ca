import { AppError } from '../../shared/errors.js';

/** Reads a password from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new AppError('PASSWORD_REQUIRED', 'no terminal to ask on'));
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new AppError('PASSWORD_REQUIRED', 'cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    function finish() {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    }
    stdin.on('data', onData);
  });
}

/** A password from the named environment variable, else from a hidden prompt. */
export async function passwordFrom(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return await promptHidden(question);
  } catch (err) {
    if (err instanceof AppError) throw new AppError('PASSWORD_REQUIRED', err.message, { env: envName });
    throw err;
  }
}
