/** The `spinewise` command: one subcommand so far, `analyze`. */
import { ANALYZE_USAGE, analyzeCommand, CLI_EXIT, type Io } from './analyze.ts';

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'analyze') return analyzeCommand(rest, io);
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(ANALYZE_USAGE);
    return command ? CLI_EXIT.ok : CLI_EXIT.usage;
  }
  io.err(`spinewise: unknown command "${command}".\n\n${ANALYZE_USAGE}`);
  return CLI_EXIT.usage;
}
