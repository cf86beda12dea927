// check.mjs — does a JavaScript annotation client place Gloss's W3C export?
//
//   node check.mjs GLOSS_BINARY
//
// For each article in texts/ (emoji, ZWJ sequences, flags, combining marks,
// CRLF, RTL), Gloss makes a project annotating every quote in NAME.quotes
// (imported as quote-only W3C annotations) and exports it twice: positions
// in code points and in UTF-16 code units. @recogito/text-annotator renders
// the article in headless Chromium with each export, and every annotation's
// highlighted range is compared with its quote:
//  - UTF-16: every annotation must be on its quote;
//  - code points: an annotation must be misplaced exactly when its code
//    point positions differ from its UTF-16 ones (from the first astral
//    character on) — so this check fails if the client stops using
//    positions, or Gloss stops writing the two differently.
// Ends with "N passed, N failed" (one per article and position unit).
//
// SPDX-License-Identifier: GPL-3.0-or-later
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const gloss = process.argv[2];
if (!gloss) {
  console.error('usage: node check.mjs GLOSS_BINARY');
  process.exit(2);
}

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-interop-'));
const timings = {};

function time(label, since) {
  timings[label] = (timings[label] || 0) + (Date.now() - since);
}

// ---- Gloss: a project per article, exported both ways ----

function exportsFor(name) {
  const article = path.join(here, 'texts', name + '.txt');
  const quotes = fs.readFileSync(path.join(here, 'texts', name + '.quotes'), 'utf8')
    .split('\n').filter((line) => line !== '').map((line) => line.replaceAll('\\r\\n', '\r\n'));
  const annotations = quotes.map((exact, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:x-interop:${name}:${i}`,
    type: 'Annotation',
    target: { source: name + '.txt', selector: { type: 'TextQuoteSelector', exact } },
  }));
  const quotesFile = path.join(work, name + '-quotes.json');
  const project = path.join(work, name + '.gloss');
  fs.writeFileSync(quotesFile, JSON.stringify(annotations));
  execFileSync(gloss, ['--new=' + project, '--force', article, quotesFile], { stdio: 'pipe' });

  const text = JSON.parse(fs.readFileSync(project, 'utf8')).documents[0].text;
  const codePoints = JSON.parse(execFileSync(gloss, ['--export=w3c', project], { encoding: 'utf8' }));
  const utf16 = JSON.parse(execFileSync(gloss, ['--export=w3c', '--w3c-offsets=utf16', project],
    { encoding: 'utf8' }));
  if (codePoints.first.items.length !== quotes.length) {
    throw new Error(`${name}: Gloss annotated ${codePoints.first.items.length} of ${quotes.length} quotes`);
  }
  return { text, codePoints, utf16 };
}

function positions(collection) {
  const byId = new Map();
  for (const item of collection.first.items) {
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    byId.set(item.id, [position.start, position.end]);
  }
  return byId;
}

// ---- The page ----

async function buildPage() {
  const since = Date.now();
  await esbuild.build({
    entryPoints: [path.join(here, 'page.js')],
    bundle: true,
    format: 'iife',
    outdir: work,
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(work, 'index.html'),
    '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="page.css">' +
    '<style>#article { white-space: pre-wrap; font: 16px sans-serif; width: 40em; }</style>' +
    '</head><body><div id="article"></div><script src="page.js"></script></body></html>');
  time('bundle', since);
  return pathToFileURL(path.join(work, 'index.html')).href;
}

// ---- The check ----

function judge(name, unit, results, expectedPlaced) {
  const problems = [];
  let placed = 0;
  for (const result of results) {
    const onQuote = result.highlighted === result.quote;
    placed += onQuote ? 1 : 0;
    if (onQuote !== expectedPlaced.get(result.id)) {
      problems.push(`  ${result.id}: quote ${JSON.stringify(result.quote)}, highlighted ` +
        `${JSON.stringify(result.highlighted)} (expected ${expectedPlaced.get(result.id) ? 'on' : 'off'} its quote)`);
    }
  }
  console.log(`${problems.length === 0 ? 'PASS' : 'FAIL'} ${name} ${unit}: ${placed} of ${results.length} on their quotes`);
  for (const problem of problems) console.log(problem);
  return problems.length === 0;
}

let passed = 0;
let failed = 0;
let misplacedByCodePoints = 0;
const userDataDir = fs.mkdtempSync(path.join(work, 'chromium-profile-'));
let context = null;
try {
  const url = await buildPage();
  let since = Date.now();
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  time('launch', since);
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (error) => console.log('page error: ' + error.message));

  const names = fs.readdirSync(path.join(here, 'texts'))
    .filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4)).sort();
  for (const name of names) {
    since = Date.now();
    const { text, codePoints, utf16 } = exportsFor(name);
    time('gloss', since);
    const unitsAgree = new Map();
    const utf16Positions = positions(utf16);
    for (const [id, [start, end]] of positions(codePoints)) {
      const [start16, end16] = utf16Positions.get(id);
      unitsAgree.set(id, start === start16 && end === end16);
    }
    const allPlaced = new Map([...unitsAgree.keys()].map((id) => [id, true]));

    for (const [unit, collection, expected] of [['utf16', utf16, allPlaced],
                                                ['code-points', codePoints, unitsAgree]]) {
      since = Date.now();
      await page.goto(url);
      const results = await page.evaluate(([t, c]) => window.glossRender(t, c), [text, collection]);
      time('render', since);
      if (unit === 'code-points') {
        misplacedByCodePoints += [...expected.values()].filter((v) => !v).length;
      }
      if (judge(name, unit, results, expected)) passed++; else failed++;
    }
  }
  if (misplacedByCodePoints === 0) {
    console.log('FAIL no annotation comes after an astral character: the check cannot fail');
    failed++;
  }
} catch (error) {
  console.log('FAIL ' + (error.stack || error));
  failed++;
} finally {
  if (context) await context.close();
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(`interop: ${Object.entries(timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}, ` +
  `total ${Date.now() - started} ms`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
