import { METHODS, isMethodName, type Access, type MethodName, type OutputOf } from '../../../shared/contract/methods.js';
import type { RpcRequest, RpcResponse } from '../../../shared/contract/envelope.js';
import { AppError } from '../../../shared/errors.js';
import { can } from '../../../shared/roles.js';
import { unsafeTextPath } from '../../../shared/rules/safe-text.js';
import type { RecordsApp } from '../app/records-app.js';
import { makeCallContext, type CallContext } from '../base/call-context.js';
import { HANDLERS } from './handlers.js';

const ALLOWED_BEFORE_SETUP = new Set<MethodName>(['system.status', 'system.setup']);

function asRequest(raw: unknown): RpcRequest {
  if (typeof raw !== 'object' || raw === null || typeof (raw as RpcRequest).method !== 'string') {
    throw new AppError('VALIDATION_FAILED', 'malformed request', { fields: 'request' });
  }
  return raw as RpcRequest;
}

/**
 * The single entry to the core for every transport. It validates the input against the contract,
 * resolves the session, checks the permission here (never trusting the UI), runs the handler and
 * always answers with an envelope: nothing is thrown across the boundary.
 */
export class Dispatcher {
  constructor(
    readonly app: RecordsApp,
    private readonly log: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
    /** The command line has no screen: methods that need one are not methods there. */
    private readonly transport: 'window' | 'cli' = 'window',
  ) {}

  async dispatch(raw: unknown, workstation: string): Promise<RpcResponse> {
    try {
      return { ok: true, value: await this.run(asRequest(raw), workstation) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      this.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
    }
  }

  /** Typed in-process call for the CLI and tests; throws the AppError instead of returning it. */
  async call<M extends MethodName>(method: M, input: unknown, token: string | null, workstation: string): Promise<OutputOf<M>> {
    const res = await this.dispatch({ method, input, token }, workstation);
    if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details);
    return res.value as OutputOf<M>;
  }

  private async run(req: RpcRequest, workstation: string): Promise<unknown> {
    if (!isMethodName(req.method)) throw new AppError('UNKNOWN_METHOD', `unknown method ${req.method}`, { method: req.method });
    const name = req.method;
    const spec: { screen?: true } & (typeof METHODS)[MethodName] = METHODS[name];
    if (this.transport === 'cli' && spec.screen) throw new AppError('UNKNOWN_METHOD', `${name} needs the app's screen`, { method: name });
    const parsed = spec.input.safeParse(req.input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
      throw new AppError('VALIDATION_FAILED', 'invalid input', { issues, fields: [...new Set(issues.map((i) => i.path || '-'))].join(', ') });
    }
    // One gate for every transport, so no name, number or reason stored through any method can carry them.
    const unsafe = unsafeTextPath(parsed.data);
    if (unsafe !== null) throw new AppError('UNSAFE_TEXT', 'control or direction characters in the input', { fields: unsafe });
    const status = this.app.status();
    if (name !== 'system.status') {
      if (status.error) throw new AppError(status.error.code, status.error.message, status.error.details);
      if (status.state === 'setup' && !ALLOWED_BEFORE_SETUP.has(name)) throw new AppError('NOT_INITIALIZED', 'set up first', { dataDir: status.dataDir });
    }
    const access: Access = spec.access;
    const account = access === 'public' ? null : this.app.core.auth.resolve(req.token);
    // A session locked in a viewer (a party at the workstation) reaches the viewer and nothing else.
    if (account && spec.viewer !== true && this.app.core.auth.sessions.lockedViewing(req.token) !== null) {
      throw new AppError('SESSION_LOCKED', `${name} is not part of the viewer`, { method: name });
    }
    if (account && access !== 'public' && access !== 'session' && !can(account, access)) {
      throw new AppError('FORBIDDEN', `${name} needs ${access}`, { permission: access });
    }
    const ctx = makeCallContext(workstation, account, req.token ?? null);
    const handler = HANDLERS[name] as (app: RecordsApp, input: unknown, ctx: CallContext) => unknown;
    const value = await handler(this.app, parsed.data, ctx);
    return spec.output.parse(value);
  }
}
