import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { accentProblem, contrastRatio, darkened, luminance, MIN_CONTRAST, ratioText } from '../../../src/backends/html/colour.js';
import { parseConfig } from '../../../src/config/config.js';
import schema from '../../../src/config/schema.json' with { type: 'json' };

/** `branding:` and `templates:` in tor.config.yaml: checked, with the accent's contrast computed. */

const problems = (value: unknown): string[] => parseConfig(value, []).diagnostics.map((d) => d.message);

describe('contrast', () => {
  it('follows WCAG 2.2: black on white is 21:1, white on white 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    // Known values: GOV.UK blue 5.17:1, #767676 is the lightest grey that passes (4.54:1).
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(MIN_CONTRAST);
    expect(ratioText(4.4999)).toBe('4.4:1');
  });

  it('suggests the same hue darkened just enough', () => {
    for (const colour of ['#ffcc00', '#00b0f0', '#ff0000', '#777777']) {
      const dark = darkened(colour);
      expect(contrastRatio(dark, '#ffffff'), `${colour} → ${dark}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(dark, '#ffffff'), `${colour} → ${dark}`).toBeLessThan(MIN_CONTRAST + 0.6);
    }
  });

  it('accepts an accent from 4.5:1 and refuses one under it, saying why', () => {
    expect(accentProblem('#1d70b8')).toBeUndefined();
    expect(accentProblem('#767676')).toBeUndefined();
    expect(accentProblem('#777777')?.message).toBe(
      "`branding.accent` #777777 has a contrast ratio of 4.4:1 against white; links and the header's white text need at least 4.5:1 (WCAG 2.2 AA)",
    );
    expect(accentProblem('#777777')?.hint).toMatch(/^Choose a darker colour: #[0-9a-f]{6} is the same hue darkened just enough\.$/);
  });
});

describe('parseConfig: templates and branding', () => {
  it('reads them', () => {
    const { config, diagnostics } = parseConfig({ templates: 'look', branding: { name: 'IOWSCP', logo: 'images/logo.png', accent: '#005A30' } }, []);
    expect(diagnostics).toEqual([]);
    expect(config.templates).toBe('look');
    expect(config.branding).toEqual({ name: 'IOWSCP', logo: 'images/logo.png', accent: '#005A30' });
  });

  it.each([
    [{ templates: '' }, '`templates` must be a folder of handlebars templates, relative to the project folder.'],
    [{ templates: 3 }, '`templates` must be a folder of handlebars templates, relative to the project folder, not `3`.'],
    [{ branding: 'blue' }, '`branding` must be a mapping of name, logo and accent.'],
    [{ branding: { accent: 'blue' } }, '`branding.accent` must be a colour written #rrggbb, not `blue`.'],
    [{ branding: { accent: null } }, '`branding.accent` must be a colour written #rrggbb.'],
    [{ branding: { accent: '#fff' } }, '`branding.accent` must be a colour written #rrggbb, not `#fff`.'],
    [{ branding: { accent: '#00b0f0' } }, "`branding.accent` #00b0f0 has a contrast ratio of 2.4:1 against white; links and the header's white text need at least 4.5:1 (WCAG 2.2 AA)."],
    [{ branding: { logo: 'logo.pdf' } }, '`branding.logo` must be an image file (.png, .jpg, .jpeg, .gif, .svg, .webp), relative to the project folder, not `logo.pdf`.'],
    [{ branding: { name: '' } }, '`branding.name` must be the name to show on the pages.'],
    [{ branding: { acent: '#1d70b8' } }, '`branding.acent` is not a branding key — did you mean `accent`?'],
  ])('refuses %j', (value, message) => {
    expect(problems(value)).toEqual([message]);
  });

  it('agrees with the schema, except on contrast, which the schema cannot compute', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    for (const value of [
      { templates: 'look', branding: { name: 'X', logo: 'a/b.PNG', accent: '#1d70b8' } },
      { templates: '' },
      { templates: 3 },
      { branding: 'blue' },
      { branding: { accent: 'blue' } },
      { branding: { accent: '#fff' } },
      { branding: { logo: 'logo.pdf' } },
      { branding: { name: '' } },
      { branding: { acent: '#1d70b8' } },
    ]) {
      expect(validate(value), JSON.stringify(value)).toBe(problems(value).length === 0);
    }
    expect(validate({ branding: { accent: '#00b0f0' } })).toBe(true);
    expect(problems({ branding: { accent: '#00b0f0' } })).toHaveLength(1);
  });
});
