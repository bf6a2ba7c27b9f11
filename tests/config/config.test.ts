import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import schema from '../../src/config/schema.json' with { type: 'json' };
import { validate as shipped } from '../../src/config/validate-config.generated.js';

const RULES = ['quorum-members-only', 'quorum-includes-all-partners', 'three-safeguarding-partners'];

function problems(value: unknown): string[] {
  return parseConfig(value, RULES).diagnostics.map((d) => d.message);
}

describe('parseConfig', () => {
  it('reads every key into a typed configuration', () => {
    const { config, diagnostics } = parseConfig(
      {
        edition: 2023,
        rules: { 'quorum-members-only': 'warn', 'three-safeguarding-partners': 'off', 'quorum-includes-all-partners': 'info' },
        ignore: ['drafts/**'],
        commenced: ['cwsa26.s3'],
      },
      RULES,
    );
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      edition: 'wt23',
      severities: { 'quorum-members-only': 'warning', 'three-safeguarding-partners': 'off', 'quorum-includes-all-partners': 'info' },
      ignore: ['drafts/**'],
      commenced: ['cwsa26.s3'],
    });
  });

  it('takes an empty file as the defaults', () => {
    expect(parseConfig(null, RULES)).toEqual({ config: { severities: {}, ignore: [], commenced: [] }, diagnostics: [] });
  });

  it.each([
    [{ editon: 2023 }, '`editon` is not a configuration key — did you mean `edition`?'],
    [{ colour: true }, '`colour` is not a configuration key.'],
    [{ toString: 1 }, '`toString` is not a configuration key.'],
    [{ edition: 2024 }, '`edition` must be 2018, 2023 or 2026, not `2024`.'],
    [{ edition: '2023' }, '`edition` must be a number: write `edition: 2023` without quotes.'],
    [{ edition: null }, '`edition` must be 2018, 2023 or 2026.'],
    [{ rules: 'off' }, '`rules` must be a mapping of rule ids to off, info, warn or error.'],
    [{ rules: { 'quorum-includes-al-partners': 'off' } }, '`rules.quorum-includes-al-partners` is not a rule — did you mean `quorum-includes-all-partners`?'],
    [{ rules: { 'quorum-members-only': 'warning' } }, '`rules.quorum-members-only` must be off, info, warn or error, not `warning` — did you mean `warn`?'],
    [{ rules: { 'quorum-members-only': 'loud' } }, '`rules.quorum-members-only` must be off, info, warn or error, not `loud`.'],
    [{ rules: { 'quorum-members-only': null } }, '`rules.quorum-members-only` must be off, info, warn or error.'],
    [{ rules: { 'quorum-members-only': 'constructor' } }, '`rules.quorum-members-only` must be off, info, warn or error, not `constructor`.'],
    [{ ignore: 'drafts/**' }, '`ignore` must be a list of glob patterns.'],
    [{ ignore: ['ok', 3] }, '`ignore[1]` must be a glob pattern such as `drafts/**`, not `3`.'],
    [{ ignore: ['/drafts'] }, '`ignore[0]` must be relative to the project folder: drop the leading `/`.'],
    [{ ignore: ['../elsewhere/*.tor'] }, '`ignore[0]` leaves the project folder: patterns are relative to it and cannot use `..`.'],
    [{ ignore: ['{a,b'] }, '`ignore[0]` is not a glob pattern: a `{` has no closing `}`.'],
    [{ commenced: 'cwsa26.s2' }, "`commenced` must be a list of duties of the Children's Wellbeing and Schools Act 2026: `cwsa26.s2` or `cwsa26.s3`."],
    [{ commenced: ['cwsa26-s3'] }, '`commenced[0]` must be `cwsa26.s2` or `cwsa26.s3`, not `cwsa26-s3` — did you mean `cwsa26.s3`?'],
    [{ commenced: ['cwsa26.s2', 'cwsa26.s2'] }, '`commenced[1]` repeats `cwsa26.s2`.'],
    [{ 'include-from': '../shared' }, '`include-from` must be a list of folders outside the project that `include` may read from.'],
    [{ 'include-from': ['../shared', ''] }, '`include-from[1]` must be a folder, relative to the project folder.'],
    [['edition', 2023], 'tor.config.yaml must be a mapping of keys such as `edition:` and `rules:`.'],
  ])('names the bad key in %j', (value, message) => {
    expect(problems(value)).toEqual([message]);
  });

  it('keeps the valid parts of a file with mistakes', () => {
    const { config, diagnostics } = parseConfig({ edition: 2026, rules: { 'quorum-members-only': 'off', nope: 'off' }, ignore: ['a', '/b'] }, RULES);
    expect(diagnostics).toHaveLength(2);
    expect(config).toEqual({ edition: 'wt26', severities: { 'quorum-members-only': 'off' }, ignore: ['a'], commenced: [] });
  });

  it('says how to fix each problem, or names what to write', () => {
    for (const d of parseConfig({ editon: 1, rules: { nope: 'off' }, ignore: 'x' }, RULES).diagnostics) {
      expect(d.hint, d.message).toMatch(/\S/);
      expect(d).toMatchObject({ code: 'config/invalid', severity: 'error', file: 'tor.config.yaml' });
    }
  });
});

describe('src/config/schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(schema);

  // What editors check with the schema and what tor checks must agree. The schema cannot know
  // the rule ids, so every case here uses known ones.
  it.each([
    {},
    { edition: 2018, rules: { 'quorum-members-only': 'error' }, ignore: ['drafts/**', '*.draft.tor'], commenced: ['cwsa26.s2', 'cwsa26.s3'] },
    { edition: 2024 },
    { edition: '2023' },
    { rules: { 'quorum-members-only': 'warning' } },
    { rules: [] },
    { ignore: 'x' },
    { ignore: [''] },
    { ignore: ['/x'] },
    { ignore: ['a/../b'] },
    { commenced: ['cwsa26.s4'] },
    { commenced: ['cwsa26.s2', 'cwsa26.s2'] },
    { editon: 2023 },
    { 'include-from': ['../shared'] },
    { 'include-from': '../shared' },
    { 'include-from': [' '] },
  ])('agrees with parseConfig on %j, as compiled now and as generated for tor', (value) => {
    expect(validate(value)).toBe(problems(value).length === 0);
    expect(shipped(value)).toBe(problems(value).length === 0);
  });
});
