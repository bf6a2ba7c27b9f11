import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT, EVENTS_PATH, injectClient } from '../../src/preview/client.js';

describe('the preview client', () => {
  it('goes into a page before its last </body>, once, with the build number', () => {
    const page = '<!DOCTYPE html><html><body><p>a</p></body></html>\n';
    const served = injectClient(page, 7);
    expect(served.indexOf('<script data-tor-preview data-build="7">')).toBe(page.indexOf('</body>'));
    expect(served.endsWith('</body></html>\n')).toBe(true);
    expect(served.split('<script').length - 1).toBe(1);
  });

  it('goes at the end of a page a template left without </body>, and carries no build before the first', () => {
    const served = injectClient('<p>a</p>', undefined);
    expect(served.startsWith('<p>a</p><script data-tor-preview data-build="">')).toBe(true);
    expect(served.endsWith('</script>')).toBe(true);
  });

  it('can sit inline in HTML: nothing in it ends the script element or opens a comment', () => {
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(CLIENT_SCRIPT).toContain(JSON.stringify(EVENTS_PATH));
  });

  it('is valid JavaScript', () => {
    // Compiling it (without running it) catches a syntax error in the text of the script.
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
  });
});
