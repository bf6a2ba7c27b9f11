import { Command, type CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { check, type CheckOptions } from './check.js';
import { fmt, type FmtOptions } from './fmt.js';
import { complain, Exit, type ExitCode } from './output.js';

/**
 * The `tor` command line. This file only wires commander to the commands in this folder
 * and turns every way out (success, usage error, bug) into an exit code and at most a
 * few lines on stderr: never a stack trace.
 */

/** Thrown from commander's exit hook, so parse errors, --help and --version end `main` rather than the process. */
class CommanderExit extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly line: string | undefined,
  ) {
    super(line ?? 'commander exit');
  }
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  let exitCode: ExitCode = Exit.Ok;
  const program = new Command('tor')
    .description('Compile the terms of reference of Safeguarding Children Partnerships.')
    .version(pkg.version, '-v, --version', 'print the version of tor')
    // Commander's own error text is replaced by one line of ours (see usageLine).
    .configureOutput({ outputError: () => {} });
  exitThroughMain(program);

  const checkCommand = program
    .command('check')
    .description('check projects and print their diagnostics (each path is one partnership)')
    .argument('<paths...>', 'project folders or .tor files')
    .addOption(new Option('--format <format>', 'how to print diagnostics').choices(['stylish', 'json']).default('stylish'))
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, options);
    });
  exitThroughMain(checkCommand);

  const fmtCommand = program
    .command('fmt')
    .description('format .tor files: print one, or --check or --write many')
    .argument('<paths...>', 'folders or .tor files')
    .addOption(new Option('--check', 'list files that are not formatted; exit 1 if any').conflicts('write'))
    .option('--write', 'rewrite files that are not formatted')
    .option('--color', 'colour diagnostics even when stderr is not a terminal')
    .option('--no-color', 'never colour diagnostics')
    .action(async (paths: string[], options: FmtOptions) => {
      exitCode = await fmt(paths, options);
    });
  exitThroughMain(fmtCommand);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderExit) {
      if (error.line !== undefined) complain(error.line);
      return error.exitCode;
    }
    complain(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.stderr.write('This is a bug in tor. Please report it, with the command you ran and the files it read.\n');
    return Exit.Usage;
  }
}

/** Makes commander throw instead of calling process.exit, remembering which command failed. */
function exitThroughMain(command: Command): void {
  command.exitOverride((error) => {
    // --help and --version end with 0; `tor` alone prints help to stderr, which is a usage error.
    if (error.exitCode === 0) throw new CommanderExit(Exit.Ok, undefined);
    if (error.code === 'commander.help') throw new CommanderExit(Exit.Usage, undefined);
    throw new CommanderExit(Exit.Usage, usageLine(error, command.parent ? command.name() : undefined));
  });
}

/** Errors that read better with the command named: "unknown option '--frmat' for 'check'". */
const NAME_THE_COMMAND = new Set(['commander.unknownOption', 'commander.missingArgument', 'commander.optionMissingArgument']);

/**
 * Commander says `error: unknown option '--frmat'\n(Did you mean --format?)`;
 * we say `unknown option '--frmat' for 'check' — did you mean '--format'?`.
 */
function usageLine(error: CommanderError, commandName: string | undefined): string {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  let line = first;
  if (commandName !== undefined && NAME_THE_COMMAND.has(error.code)) line += ` for '${commandName}'`;
  const suggestion = /^\(Did you mean (one of )?(.+)\?\)$/.exec(rest.join(' ').trim());
  if (suggestion) {
    const names = (suggestion[2] ?? '').split(', ').map((name) => `'${name}'`);
    line += ` — did you mean ${suggestion[1] ?? ''}${names.join(', ')}?`;
  }
  return line;
}

/** `tor check … | head` closes the pipe early: stop quietly rather than crash with a stack trace. */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') complain(`cannot write output: ${error.message}`);
  process.exit(error.code === 'EPIPE' ? Exit.Ok : Exit.Usage);
});

process.exitCode = await main(process.argv.slice(2));
