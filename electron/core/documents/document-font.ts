import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

/** A font file, and for a collection (.ttc) the PostScript name of the face to take from it. */
export interface FontFace {
  file: string;
  postscriptName?: string;
}

export interface DocumentFont {
  regular: FontFace;
  bold: FontFace;
  source: 'carried' | 'windows' | 'env';
  /** Which font, said plainly, for the job log and the audit trail. */
  description: string;
}

/**
 * The Noto Sans SC the program carries. The package sits outside the esbuild bundle, so it is
 * found the way Node finds it at run time; null if it was left out of an install.
 */
export function carriedFont(): { regular: FontFace; bold: FontFace } | null {
  let root: string;
  try {
    root = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  } catch {
    return null;
  }
  const regular = path.join(root, '400Regular', 'NotoSansSC_400Regular.ttf');
  const bold = path.join(root, '700Bold', 'NotoSansSC_700Bold.ttf');
  return fs.existsSync(regular) && fs.existsSync(bold) ? { regular: { file: regular }, bold: { file: bold } } : null;
}

/** `file` or `file#PostScriptName`: a collection needs the name of the face inside it. */
function parseEnvFont(value: string): FontFace {
  const hash = value.lastIndexOf('#');
  return hash > 0 ? { file: value.slice(0, hash), postscriptName: value.slice(hash + 1) } : { file: value };
}

/**
 * The font a printable PDF is set in. RECORDS_PDF_FONT, when set, wins and must exist (a
 * setting that silently falls back would print in a font nobody chose); then the carried Noto
 * Sans SC; then what every Chinese Windows has: Microsoft YaHei, else SimSun (which has no bold,
 * so headings use the regular face).
 */
export function documentFont(env: NodeJS.ProcessEnv = process.env, carried = carriedFont()): DocumentFont {
  const override = env.RECORDS_PDF_FONT?.trim();
  if (override) {
    const face = parseEnvFont(override);
    if (!fs.existsSync(face.file)) throw new AppError('FONT_MISSING', 'RECORDS_PDF_FONT names a missing file', { reason: `RECORDS_PDF_FONT=${override}` });
    return { regular: face, bold: face, source: 'env', description: `RECORDS_PDF_FONT ${override}` };
  }
  if (carried) return { ...carried, source: 'carried', description: `Noto Sans SC (carried, ${carried.regular.file})` };
  const fonts = path.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
  const yahei = path.join(fonts, 'msyh.ttc');
  if (fs.existsSync(yahei)) {
    const yaheiBold = path.join(fonts, 'msyhbd.ttc');
    const bold = fs.existsSync(yaheiBold) ? { file: yaheiBold, postscriptName: 'MicrosoftYaHei-Bold' } : { file: yahei, postscriptName: 'MicrosoftYaHei' };
    return { regular: { file: yahei, postscriptName: 'MicrosoftYaHei' }, bold, source: 'windows', description: `Microsoft YaHei (${yahei})` };
  }
  const simsun = path.join(fonts, 'simsun.ttc');
  if (fs.existsSync(simsun)) {
    const face = { file: simsun, postscriptName: 'SimSun' };
    return { regular: face, bold: face, source: 'windows', description: `SimSun (${simsun})` };
  }
  throw new AppError('FONT_MISSING', 'no Chinese font for PDFs', { reason: `Noto Sans SC, ${yahei}, ${simsun}` });
}
