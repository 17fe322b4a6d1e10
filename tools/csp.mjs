// Writes the Content-Security-Policy into a built index.html as its first <meta> after the
// charset. Trunk's inline module loader changes with every build (it names hashed files), so
// its sha256 is computed here, after the build: a Trunk post_build hook runs
// `node tools/csp.mjs`, which rewrites $TRUNK_STAGING_DIR/index.html. A path argument rewrites
// that file instead.
//
// Inline code that no hash can allow (event handler attributes, style attributes,
// javascript: URLs) and scripts from another origin fail the build instead of weakening the
// policy.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Everything the app needs and nothing else; `connect-src *` lets it open a dataset from any URL. */
const BASE_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ['*'],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The CSP hash source of an inline element's text, as the browser sees it (parsers turn CRLF into LF). */
export function hashSource(text) {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** The policy for `html`: the base policy plus a hash for each inline script and style element. */
export function policyFor(html) {
  const problems = [];
  const scripts = [];
  const styles = [];
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src === undefined) scripts.push(hashSource(body));
    else if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) problems.push(`script from another origin: ${src}`);
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(hashSource(body));
  // the markup without script and style bodies: what is left is tags and text
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
  for (const [tag, attrs] of markup.matchAll(/<[a-z][a-z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi)) {
    for (const [, name, ...quoted] of attrs.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const value = quoted.find((v) => v !== undefined) ?? '';
      if (/^on/i.test(name)) problems.push(`inline event handler (no hash can allow it): ${tag}`);
      if (/^style$/i.test(name)) problems.push(`inline style attribute (no hash can allow it): ${tag}`);
      if (/^\s*javascript:/i.test(value)) problems.push(`javascript: URL: ${tag}`);
    }
  }
  if (problems.length) throw new Error(`index.html has code the Content-Security-Policy cannot allow:\n  ${problems.join('\n  ')}`);
  const policy = structuredClone(BASE_POLICY);
  policy['script-src'].push(...new Set(scripts));
  policy['style-src'].push(...new Set(styles));
  return Object.entries(policy).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * `html` with the placeholders of `trunk serve`'s reload script filled in. Trunk fills them in
 * while serving, which would change the script after it was hashed; here they get the values
 * Trunk uses by default (the page's own host, the path of the public URL), so the served text
 * is the hashed text. A custom --ws-base is not known to hooks and is not followed.
 */
export function settleReloadScript(html, publicUrl = '/') {
  let base = /^[a-z][a-z0-9+.-]*:/i.test(publicUrl) ? new URL(publicUrl).pathname : publicUrl.replace(/^\.(?=\/|$)/, '');
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return html
    .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', JSON.stringify(base).slice(1, -1));
}

/** `html` with its policy in a <meta> ahead of every script, link and style; a previous one is replaced. */
export function withPolicy(html, { publicUrl = '/' } = {}) {
  const stripped = settleReloadScript(html, publicUrl).replace(/\n?[ \t]*<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(stripped)}">`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(stripped);
  const head = /<head\b[^>]*>/i.exec(stripped);
  const anchor = charset ?? head;
  if (!anchor) throw new Error('index.html has no <head> to put the Content-Security-Policy in');
  const at = anchor.index + anchor[0].length;
  const first = stripped.slice(0, at).search(/<(script|link|style)\b/i);
  if (first !== -1) throw new Error('index.html loads a script, link or style before <meta charset>: the policy must come first');
  return `${stripped.slice(0, at)}\n  ${meta}${stripped.slice(at)}`;
}

function main() {
  const file = process.argv[2] ?? (process.env.TRUNK_STAGING_DIR && join(process.env.TRUNK_STAGING_DIR, 'index.html'));
  if (!file) throw new Error('usage: node tools/csp.mjs [index.html]  (or run as a Trunk hook, which sets TRUNK_STAGING_DIR)');
  const html = readFileSync(file, 'utf8');
  writeFileSync(file, withPolicy(html, { publicUrl: process.env.TRUNK_PUBLIC_URL ?? '/' }));
  console.log(`Content-Security-Policy written to ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(`tools/csp.mjs: ${err.message}`);
    process.exit(1);
  }
}
