/**
 * The glob patterns of `ignore:` in tor.config.yaml, matched against paths relative to the
 * project root with `/` separators. Hand-written rather than a dependency: the CLI is one
 * small bundle, and only this much of glob syntax is promised:
 *
 *   `*` any characters within one name, `**` any number of folders, `?` one character,
 *   `[abc]` / `[!abc]` one of / none of, `{a,b}` either, `\` escapes the next character.
 *
 * A pattern that matches a folder matches everything in it, so `drafts` and `drafts/`
 * both skip `drafts/old/board.tor`.
 */

export type CompiledGlob = { ok: true; regex: RegExp } | { ok: false; reason: string };

export function compileGlob(pattern: string): CompiledGlob {
  const body = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  let out = '';
  let braces = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      if (i + 1 >= body.length) return { ok: false, reason: 'it ends with `\\`, which escapes nothing' };
      out += escapeRegExp(body[++i]!);
    } else if (c === '*') {
      if (body[i + 1] === '*') {
        i++;
        // `**/` may match no folder at all, so `**/x.tor` matches `x.tor` too.
        if (body[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = body.indexOf(']', i + 2);
      if (close < 0) return { ok: false, reason: 'a `[` has no closing `]`' };
      let set = body.slice(i + 1, close);
      const negated = set.startsWith('!');
      if (negated) set = set.slice(1);
      out += `[${negated ? '^' : ''}${set.replaceAll('\\', '\\\\').replaceAll(']', '\\]')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  if (braces > 0) return { ok: false, reason: 'a `{` has no closing `}`' };
  return { ok: true, regex: new RegExp(`^${out}$`) };
}

/** A test for paths relative to the project root; invalid patterns must have been rejected already. */
export function ignoreMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const regexes = patterns.map(compileGlob).flatMap((g) => (g.ok ? [g.regex] : []));
  return (relativePath) => {
    if (regexes.length === 0) return false;
    const parts = relativePath.split('/');
    // The path itself, then each folder above it: `drafts/old/a.tor`, `drafts/old`, `drafts`.
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('/');
      if (regexes.some((r) => r.test(candidate))) return true;
    }
    return false;
  };
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
