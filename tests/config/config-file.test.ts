import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-file.js';

const RULES = ['quorum-members-only', 'quorum-includes-all-partners'];
const PATH = 'kent/tor.config.yaml';

/** `line:column-line:column message` for each diagnostic. */
function where(text: string): string[] {
  return parseConfigText(text, PATH, RULES).diagnostics.map((d) => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.message}`);
}

describe('tor.config.yaml as text', () => {
  it('points at the key that is wrong, or at its value', () => {
    const text = ['edition: 2024', 'rules:', '  quorum-includes-al-partners: off', '  quorum-members-only: loud', 'ignore:', '  - ok/**', '  - /abs', 'colour: red', ''].join('\n');
    expect(where(text)).toEqual([
      '1:10-1:14 `edition` must be 2018, 2023 or 2026, not `2024`.',
      '3:3-3:30 `rules.quorum-includes-al-partners` is not a rule — did you mean `quorum-includes-all-partners`?',
      '4:24-4:28 `rules.quorum-members-only` must be off, info, warn or error, not `loud`.',
      '7:5-7:9 `ignore[1]` must be relative to the project folder: drop the leading `/`.',
      '8:1-8:7 `colour` is not a configuration key.',
    ]);
  });

  it('points at the key when it has no value', () => {
    expect(where('rules:\n  quorum-members-only:\n')).toEqual(['2:3-2:22 `rules.quorum-members-only` must be off, info, warn or error.']);
  });

  it('reports YAML errors with line and column, and applies none of the file', () => {
    const { config, diagnostics } = parseConfigText('edition: 2023\nrules:\n  quorum-members-only: off\n  quorum-members-only: warn\n', PATH, RULES);
    expect(config).toEqual({ severities: {}, ignore: [], commenced: [] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'config/yaml', severity: 'error', file: PATH, start: { line: 4, column: 3 } });
    expect(diagnostics[0]!.message).toBe('tor.config.yaml is not valid YAML: Map keys must be unique');
  });

  it('reads a file of comments as the defaults', () => {
    expect(parseConfigText('# nothing yet\n', PATH, RULES)).toEqual({ config: { severities: {}, ignore: [], commenced: [] }, diagnostics: [] });
  });
});
