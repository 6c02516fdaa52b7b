import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Directives = Record<string, string[]>;

/** JSON, images and files: nothing in an API answer may load or run anything, or be framed. */
export function apiCsp(): Directives {
  return { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
}

/** Swagger UI: its scripts are files, but it styles itself inline and draws icons as data: URLs. */
export function docsCsp(): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * The Taro H5 build: scripts only from this server plus the exact inline scripts of index.html
 * (Taro's root-font-size snippet), allowed by hash; components inject <style> tags; signatures and
 * chosen photos are data:/blob: URLs.
 */
export function h5Csp(inlineHashes: string[]): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineHashes.map((hash) => `'${hash}'`)],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'data:', 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  };
}

/** sha256-… of every inline <script> in the H5 index.html; none if there is no build. */
export function inlineScriptHashes(h5Dir: string): string[] {
  let html: string;
  try {
    html = readFileSync(join(h5Dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return inlineScripts(html).map((code) => `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`);
}

/** Bodies of the <script> elements that have no src attribute. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(match[1]) && match[2].trim()) scripts.push(match[2]);
  }
  return scripts;
}
