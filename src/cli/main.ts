import { Command, type CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ACT_FLAGS } from '../rules/rule.js';
import { check, type CheckOptions } from './check.js';
import { fmt, type FmtOptions } from './fmt.js';
import { BUILD_FORMATS, collectFlag, parseDateOption, parseFormats, parseMaxWarnings, parseToday, SCHEDULE_FORMATS } from './options.js';
import { complain, Exit, type ExitCode, FORMATS } from './output.js';
import type { BuildOptions } from './build.js';
import type { PreviewCliOptions } from './preview.js';
import type { QuorumOptions } from './quorum.js';
import type { RulesFormat } from './rules.js';
import type { ScheduleOptions } from './schedule.js';

/**
 * The `tor` command line. This file only wires commander to the commands in this folder
 * and turns every way out (success, usage error, bug) into an exit code and at most a
 * few lines on stderr: never a stack trace. Commands other than check and fmt are loaded
 * when used, so `tor check` does not pay for calendars, bundles or the quorum explainer.
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
    .addOption(new Option('--format <format>', 'how to print diagnostics').choices(FORMATS).default('stylish'))
    .addOption(new Option('--edition <year>', 'check against this edition of Working Together, whatever the partnership and tor.config.yaml say').choices(['2018', '2023', '2026']))
    .addOption(new Option('--today <date>', "the date to check dates against, YYYY-MM-DD (default: the machine's date)").argParser(parseToday))
    .addOption(new Option('--enable <duty>', `treat a duty of the Children's Wellbeing and Schools Act 2026 as in force (${ACT_FLAGS.join(', ')}); repeatable`).argParser(collectFlag))
    .addOption(new Option('--max-warnings <n>', 'fail (exit 1) when there are more than n warnings').argParser(parseMaxWarnings))
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, options);
    });
  exitThroughMain(checkCommand);

  const rulesCommand = program
    .command('rules')
    .description('list every rule: id, severity, editions and what it checks')
    .addOption(new Option('--format <format>', 'how to print the list').choices(['table', 'json']).default('table'))
    .action(async (options: { format: RulesFormat }) => {
      exitCode = (await import('./rules.js')).rules(options);
    });
  exitThroughMain(rulesCommand);

  const explainCommand = program
    .command('explain')
    .description("print a rule's documentation: what it checks, why, and where the guidance says so")
    .argument('<rule-id>', 'the id of a rule, as `tor rules` lists them')
    .action(async (id: string) => {
      exitCode = (await import('./rules.js')).explain(id);
    });
  exitThroughMain(explainCommand);

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

  const scheduleCommand = program
    .command('schedule')
    .description("list each group's meetings and dated duties (agenda, papers, minutes) between two dates")
    .argument('<path>', 'a project folder or .tor file')
    .option('--group <id>', 'only this group')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD', parseDateOption)
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)', parseDateOption)
    .addOption(new Option('--format <format>', 'table, a JSON array of events, or an iCalendar file').choices(SCHEDULE_FORMATS).default('table'))
    .action(async (path: string, options: ScheduleOptions) => {
      exitCode = await (await import('./schedule.js')).schedule(path, options);
    });
  exitThroughMain(scheduleCommand);

  const quorumCommand = program
    .command('quorum')
    .description('say whether a meeting is quorate and why, or (--analyse) how few can meet and who cannot be missed')
    .argument('<path>', 'a project folder or .tor file')
    .requiredOption('--group <id>', 'the group whose meeting it is')
    .option('--present <ids>', 'the member ids present, comma-separated')
    .option('--deputy <absent-id=name[:authority]>', 'a deputy attending for an absent member; :authority when they have full delegated authority; repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--analyse', 'the smallest quorate attendance and the single points of failure')
    .option('--json', 'print JSON')
    .action(async (path: string, options: QuorumOptions) => {
      exitCode = await (await import('./quorum.js')).quorum(path, options);
    });
  exitThroughMain(quorumCommand);

  const buildCommand = program
    .command('build')
    .description('compile a project and write its outputs into a folder, atomically')
    .argument('<path>', 'a project folder or .tor file')
    .option('--out <dir>', 'the output folder (default: <path>/dist), replaced whole by each build')
    .option('--format <formats>', `comma-separated: ${BUILD_FORMATS.join(', ')} (default: all)`, parseFormats)
    .option('--force', 'write even when the sources have errors')
    .option('--color', 'colour diagnostics even when stderr is not a terminal')
    .option('--no-color', 'never colour diagnostics')
    .action(async (path: string, options: BuildOptions) => {
      exitCode = await (await import('./build.js')).build(path, options);
    });
  exitThroughMain(buildCommand);

  const previewCommand = program
    .command('preview')
    .description('serve the pages from memory, rebuild them on every save and reload the open pages')
    .argument('<path>', 'a project folder or .tor file')
    .option('--port <n>', 'the port to listen on; 0 picks a free one (default: 4321)')
    .option('--host <host>', 'the address to listen on (default: 127.0.0.1, this machine only)')
    .option('--color', 'colour diagnostics even when stderr is not a terminal')
    .option('--no-color', 'never colour diagnostics')
    .action(async (path: string, options: PreviewCliOptions) => {
      exitCode = await (await import('./preview.js')).preview(path, options);
    });
  exitThroughMain(previewCommand);

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
