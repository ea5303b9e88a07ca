import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('folder rules enforced by lint', () => {
  it('keeps shared/ pure', async () => {
    expect(await restrictedImports('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(1);
    expect(await restrictedImports('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedImports('shared/x.ts', "import { A } from '../renderer/src/a.js';\nexport const a = A;\n")).toBe(1);
    expect(await restrictedImports('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toBe(0);
  });

  it('keeps Electron out of the core, the bridge and the CLI', async () => {
    for (const file of ['electron/core/x.ts', 'electron/bridge/x.ts', 'electron/cli/x.ts']) {
      expect(await restrictedImports(file, "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
      expect(await restrictedImports(file, "import { w } from '../window.js';\nexport const a = w;\n")).toBe(1);
    }
    expect(await restrictedImports('electron/core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(0);
  });

  it('keeps the domain from reaching out to its transports and the composition root', async () => {
    for (const source of ['../rpc/dispatcher.js', '../app/records-app.js', '../../bridge/server.js', '../../cli/main.js']) {
      expect(await restrictedImports('electron/core/cases/x.ts', `import { X } from '${source}';\nexport const a = X;\n`)).toBe(1);
    }
    expect(await restrictedImports('electron/core/cases/x.ts', "import { C } from '../base/call-context.js';\nexport const a = C;\n")).toBe(0);
    expect(await restrictedImports('electron/core/rpc/x.ts', "import { A } from '../app/records-app.js';\nexport const a = A;\n")).toBe(0);
    expect(await restrictedImports('electron/core/cases/x.ts', "import { w } from '../../window.js';\nexport const a = w;\n")).toBe(1);
  });

  it('lets Electron in only at the top of electron/', async () => {
    expect(await restrictedImports('electron/window.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(0);
  });

  it('keeps the renderer to the browser and the typed client', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toBe(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { D } from '../../electron/core/rpc/dispatcher.js';\nexport const a = D;\n")).toBe(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { METHODS } from '../../shared/contract/methods.js';\nexport const a = METHODS;\n")).toBe(0);
  });
});
