import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors.js';

/** What the README says about the disc it sits on. */
export interface DiscReadmeInfo {
  office: string;
  caseNo: string;
  disc: { index: number; count: number };
  builtAt: string;
}

/**
 * Checks every line of manifest-sha256.txt from the disc's root in Windows PowerShell 5.1 (Windows
 * 8.1 on) and PowerShell 7. -Encoding UTF8 because 5.1 reads a manifest without a BOM as GBK and
 * would mangle Chinese names; -LiteralPath because evidence names hold [ and ]; -eq ignores case,
 * and Get-FileHash prints upper-case hex where the manifest has lower.
 */
const POWERSHELL =
  "$bad = 0; Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object { $h, $p = $_ -split ' [ *]', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p -ErrorAction SilentlyContinue).Hash -eq $h) { \"OK      $p\" } else { $bad++; \"FAILED  $p\" } }; \"FAILED: $bad\"";

/** A value from the catalogue on one line: a line break would look like a new heading in Notepad. */
function line(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Columns in Notepad: a Chinese character takes two. */
function pad(text: string, width: number): string {
  const used = [...text].reduce((n, c) => n + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - used));
}

function layout(rows: [string, string][]): string[] {
  return rows.map(([name, what]) => `  ${pad(name, 26)}${what}`);
}

/**
 * README.txt for the root of an evidence disc: what the disc is, what is on it and how anyone can
 * check it with what a computer already has, in Chinese then English. CRLF and a UTF-8 BOM so
 * Notepad on any Windows shows it (older Notepad takes a file without a BOM for GBK).
 */
export function discReadme(info: DiscReadmeInfo): string {
  const office = line(info.office);
  const caseNo = line(info.caseNo);
  const { index, count } = info.disc;
  const builtAt = line(info.builtAt);
  const zh = [
    '执法音像证据光盘 说明',
    '====================',
    '',
    `单位：      ${office}`,
    `案件编号：  ${caseNo}`,
    `光盘：      第 ${index} 张，共 ${count} 张`,
    `制作时间：  ${builtAt}`,
    '',
    '一、这是什么',
    '',
    '本光盘是上述案件的音像证据光盘，由“执法音像档案室”从档案中导出刻录。原始文件逐字节复制，',
    '未经任何转换或剪辑。光盘按通用的 BagIt 格式（RFC 8493）封装，附有 SHA-256 和 SM3 校验清单：',
    '任何人都可以用电脑自带的工具，核对光盘上的文件与刻录时是否完全一致。',
    '',
    '二、光盘上的内容',
    '',
    ...layout([
      ['data\\', '原始文件（逐字节复制）'],
      ['bagit.txt', 'BagIt 格式声明'],
      ['bag-info.txt', '案件信息：单位、案件编号、封装日期、文件数与总字节数'],
      ['manifest-sha256.txt', 'data 中每个文件的 SHA-256 校验值'],
      ['manifest-sm3.txt', 'data 中每个文件的 SM3（国密）校验值'],
      ['tagmanifest-sha256.txt', '标签清单：以上各清单和信息文件的 SHA-256 校验值'],
      ['文字说明.pdf', '文字说明（与经签字的纸质件内容相同）'],
      ['README.txt', '本说明'],
      ['verify.html', '离线核验页面'],
    ]),
    '',
    '文字说明.pdf、README.txt 和 verify.html 不在清单内，不属于证据本身。',
    '',
    '三、用电脑自带的工具核验',
    '',
    '核验分两步：先确认标签清单与纸质文字说明一致，再按清单核对每个文件。',
    '以下命令都在光盘的根目录中运行（Windows 如 D:\\，Linux 如 /media/用户名/卷标，macOS 如 /Volumes/卷标）。',
    '',
    '第 1 步：核对标签清单',
    '计算 tagmanifest-sha256.txt 的 SHA-256，与经签字的纸质文字说明页脚打印的值逐位比对，',
    '两者必须完全相同（字母大小写不同无妨）。',
    '',
    '  Windows 命令提示符：  certutil -hashfile tagmanifest-sha256.txt SHA256',
    '  Linux：               sha256sum tagmanifest-sha256.txt',
    '  macOS 终端：          shasum -a 256 tagmanifest-sha256.txt',
    '',
    '第 2 步：按清单核对文件',
    '',
    '  Linux：',
    '    sha256sum -c tagmanifest-sha256.txt',
    '    sha256sum -c manifest-sha256.txt',
    '',
    '  macOS 终端：',
    '    shasum -a 256 -c tagmanifest-sha256.txt',
    '    shasum -a 256 -c manifest-sha256.txt',
    '',
    '  每行应显示 OK；显示 FAILED 的文件与刻录时不一致（中文系统中可能显示为“成功”“失败”）。',
    '',
    '  Windows PowerShell（Windows 8.1、10、11 自带）：打开 PowerShell，用 cd 进入光盘根目录',
    '  （如 cd D:\\），把下面一整行粘贴进去并回车：',
    '',
    `    ${POWERSHELL}`,
    '',
    '  每个文件显示 OK 或 FAILED，最后一行为 FAILED: 0 即全部一致。把其中的 manifest-sha256.txt',
    '  换成 tagmanifest-sha256.txt 再运行一次，即核对各清单和信息文件。',
    '',
    '  Windows 命令提示符（逐个文件，Windows 7 也可用）：',
    '',
    '    certutil -hashfile "data\\文件名" SHA256',
    '',
    '  将显示的值与 manifest-sha256.txt 中该文件所在行开头的值比对。Windows 7 显示的值',
    '  每两位之间有空格，比对时忽略空格。',
    '',
    '四、离线核验页面',
    '',
    '用浏览器（Chrome、Edge、Firefox、Safari，或 360 等浏览器的“极速模式”）打开光盘上的',
    'verify.html，选择或拖入光盘根目录。页面逐个计算并列出每个文件的结果，并显示标签清单的',
    'SHA-256 供与纸质文字说明比对。页面不联网，文件不会离开本机。',
  ];
  const en = [
    'Law-enforcement audio-visual evidence disc',
    '==========================================',
    '',
    `Office:       ${office}`,
    `Case number:  ${caseNo}`,
    `Disc:         ${index} of ${count}`,
    `Made:         ${builtAt}`,
    '',
    '1. What this disc is',
    '',
    'The audio-visual evidence of the case above, exported from the archive by Records Room and',
    'burned to this disc. The originals are copied byte for byte, never converted or edited. The',
    'disc is a BagIt bag (RFC 8493) with SHA-256 and SM3 manifests: anyone can check, with tools',
    'every computer already has, that the files are exactly what was burned.',
    '',
    '2. What is on it',
    '',
    ...layout([
      ['data\\', 'the originals, copied byte for byte'],
      ['bagit.txt', 'the BagIt declaration'],
      ['bag-info.txt', 'office, case number, bagging date, file count and total bytes'],
      ['manifest-sha256.txt', 'the SHA-256 of every file in data'],
      ['manifest-sm3.txt', 'the SM3 (Chinese national standard) of every file in data'],
      ['tagmanifest-sha256.txt', 'the tag manifest: SHA-256 of the manifests and information files'],
      ['文字说明.pdf', 'the written description (the same text as the signed paper copy)'],
      ['README.txt', 'this file'],
      ['verify.html', 'the offline verification page'],
    ]),
    '',
    '文字说明.pdf, README.txt and verify.html are outside the manifests and not part of the evidence.',
    '',
    '3. Checking it with tools already on the computer',
    '',
    'Two steps: first that the tag manifest matches the paper description, then every file against',
    'the manifests. Run the commands in the root folder of the disc (on Windows e.g. D:\\, on Linux',
    'e.g. /media/<user>/<label>, on macOS /Volumes/<label>).',
    '',
    'Step 1: the tag manifest',
    'Compute the SHA-256 of tagmanifest-sha256.txt and compare it, character by character, with the',
    'value printed in the footer of the signed paper description. They must be the same (upper or',
    'lower case does not matter).',
    '',
    '  Windows Command Prompt:  certutil -hashfile tagmanifest-sha256.txt SHA256',
    '  Linux:                   sha256sum tagmanifest-sha256.txt',
    '  macOS Terminal:          shasum -a 256 tagmanifest-sha256.txt',
    '',
    'Step 2: the files',
    '',
    '  Linux:',
    '    sha256sum -c tagmanifest-sha256.txt',
    '    sha256sum -c manifest-sha256.txt',
    '',
    '  macOS Terminal:',
    '    shasum -a 256 -c tagmanifest-sha256.txt',
    '    shasum -a 256 -c manifest-sha256.txt',
    '',
    '  Every line should say OK; a file marked FAILED differs from what was burned.',
    '',
    '  Windows PowerShell (part of Windows 8.1, 10 and 11): open PowerShell, cd to the root of the',
    '  disc (e.g. cd D:\\), paste this one line and press Enter:',
    '',
    `    ${POWERSHELL}`,
    '',
    '  Each file shows OK or FAILED; a last line of FAILED: 0 means all match. To check the',
    '  manifests themselves, run it again with tagmanifest-sha256.txt in place of manifest-sha256.txt.',
    '',
    '  Windows Command Prompt (one file at a time; works on Windows 7 too):',
    '',
    '    certutil -hashfile "data\\<file name>" SHA256',
    '',
    '  Compare the value shown with the start of that file\'s line in manifest-sha256.txt. Windows 7',
    '  shows the value with spaces between each two characters: ignore the spaces.',
    '',
    '4. The offline verification page',
    '',
    'Open verify.html from the disc in a browser (Chrome, Edge, Firefox, Safari) and choose or drop',
    'the root folder of the disc. The page hashes every file, lists the result of each and shows the',
    'SHA-256 of the tag manifest to compare with the paper. It never goes online; no file leaves the',
    'computer.',
  ];
  return `\uFEFF${[...zh, '', '', ...en, ''].join('\r\n')}`;
}

const VERIFIER = path.join('disc', 'verify.html');

/**
 * verify.html as the running app finds it: RECORDS_RESOURCES if set, the installed app's
 * resources folder (electron-builder's extraResources), or resources/ of the checkout above this
 * module, which is electron/core/discs in source and dist/electron once bundled by esbuild.
 */
export function verifierPath(): string {
  const candidates: string[] = [];
  if (process.env.RECORDS_RESOURCES) candidates.push(path.join(process.env.RECORDS_RESOURCES, VERIFIER));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(path.join(packaged, VERIFIER));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5 && path.dirname(dir) !== dir; up++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources', VERIFIER));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new AppError('INTERNAL', 'the disc verification page is missing from this installation', { looked: candidates });
  return found;
}

/** Puts verify.html into `destDir` (a disc's root, beside the bag); returns where it went. */
export function copyVerifier(destDir: string): string {
  const target = path.join(destDir, 'verify.html');
  fs.copyFileSync(verifierPath(), target);
  return target;
}
