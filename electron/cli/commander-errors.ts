import { Command } from 'commander';
import { hasText, say } from './texts.js';

const QUOTED = /'([^']*)'/g;
const SUGGESTION = /\(Did you mean (?:one of )?(.+)\?\)/;

/**
 * Commander's own complaints (unknown option, missing argument, …) in the CLI's language. Commander
 * gives each a stable code; its English sentence is only mined for the names it quotes.
 */
export function commanderErrorText(message: string, code: string | undefined): string {
  const key = `commander_${(code ?? '').replace(/^commander\./, '')}`;
  if (!hasText(key)) return message;
  const [name = '', other = ''] = [...message.matchAll(QUOTED)].map((m) => m[1]);
  const similar = SUGGESTION.exec(message)?.[1];
  return say(key, { name, other, detail: message.replace(/^error: /, '') }) + (similar ? `\n${say('commander_suggestion', { similar })}` : '');
}

/** `records` and all its subcommands, speaking the CLI's language when the command line is wrong. */
export class RecordsCommand extends Command {
  override createCommand(name?: string): Command {
    return new RecordsCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(commanderErrorText(message, errorOptions?.code), errorOptions);
  }
}
