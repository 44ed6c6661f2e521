// The security gate: runs Electronegativity on src/ and fails on any finding above
// LOW that .electronegativity-exceptions.json does not explain (matched on check
// name and file). Usage: `node scripts/securityGate.mjs`. Needs the npm registry
// once, for `npx -y` to fetch the pinned version; offline after that.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { parse } from 'csv-parse/sync';

const TOOL = '@doyensec/electronegativity@1.10.3';
const ELECTRON_VERSION = '45.5.0';
const SCANNED = 'src';
const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
/** Electronegativity's levels; anything else counts as above LOW, so a new level cannot slip through. */
const RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
const LOW = RANK.LOW;
/**
 * WARNING: the tool asks GitHub for Electron's release list (it is fine without an
 * answer), with no timeout of its own: on a network that swallows packets rather
 * than refusing them it would wait for minutes. The gate gives up first.
 */
const TIMEOUT_MS = 180_000;

const root = join(import.meta.dirname, '..');
const exceptionsFile = join(root, '.electronegativity-exceptions.json');

function fail(message, code = 1) {
  console.error(`security gate: ${message}`);
  process.exit(code);
}

/** The report's records (RFC 4180: quoted fields, newlines inside quotes), blank ones left out. */
function parseCsv(text) {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }).filter((record) => record.some((value) => value !== ''));
}

const samePath = (a, b) => normalize(a).replaceAll('\\', '/') === normalize(b).replaceAll('\\', '/');

function readExceptions() {
  if (!existsSync(exceptionsFile)) return [];
  let list;
  try {
    list = JSON.parse(readFileSync(exceptionsFile, 'utf8'));
  } catch (error) {
    fail(`.electronegativity-exceptions.json is not valid JSON (${error.message}).`, 2);
  }
  if (!Array.isArray(list)) fail('.electronegativity-exceptions.json must be an array of {check, file, reason}.', 2);
  list.forEach((entry, index) => {
    const ok = entry && typeof entry.check === 'string' && typeof entry.file === 'string' && typeof entry.reason === 'string';
    if (!ok || entry.reason.trim().length < 20) {
      fail(`.electronegativity-exceptions.json[${index}] needs a check, a file and a real reason.`, 2);
    }
  });
  return list;
}

/** Runs the CLI; resolves with its exit code and what it printed. */
function runTool(outputFile) {
  const windows = process.platform === 'win32';
  const args = ['-y', TOOL, '-i', SCANNED, '-r', '-e', ELECTRON_VERSION, '-o', outputFile];
  const env = {
    ...process.env,
    // WARNING: Electronegativity writes the CSV header and the rows with two
    // concurrent fs.writeFile calls (the header one truncating). One libuv thread
    // runs them in order; with more, rows can be lost and the gate would pass.
    UV_THREADPOOL_SIZE: '1',
    // Its messages (parse errors included) in English, which this script reads.
    LANG: 'en-US',
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  return new Promise((resolve) => {
    // Its own process group (POSIX), so a timeout ends npx and the tool under it.
    const child = spawn(windows ? 'npx.cmd' : 'npx', args, { cwd: root, env, shell: windows, detached: !windows, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      output += `\nstopped after ${TIMEOUT_MS / 1000} s`;
      try {
        if (windows) child.kill();
        else process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }, TIMEOUT_MS);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${error.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

const started = Date.now();
const exceptions = readExceptions();
const folder = await mkdtemp(join(tmpdir(), 'plenary-security-gate-'));
let records;
let output;
try {
  const reportFile = join(folder, 'electronegativity.csv');
  const run = await runTool(reportFile);
  output = run.output;
  if (run.code !== 0 || !existsSync(reportFile)) {
    console.error(output.trim());
    fail(`Electronegativity did not run (exit ${run.code}). It comes from the npm registry through npx the first time.`, 2);
  }
  records = parseCsv(await readFile(reportFile, 'utf8'));
} finally {
  await rm(folder, { recursive: true, force: true });
}

// A file it could not parse was not checked at all.
// eslint-disable-next-line no-control-regex -- strips the tool's colour codes
const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
const parseErrors = plain.split(/\r?\n/).filter((line) => /^Error parsing /.test(line.trim()));
if (parseErrors.length > 0) fail(`Electronegativity could not parse some files, so they were not checked:\n  ${parseErrors.join('\n  ')}`, 2);

const [header, ...rows] = records;
if (!header || header.map((name) => name.trim()).join(',') !== HEADER.join(',')) {
  fail("Electronegativity's report does not start with its header; refusing to trust it.", 2);
}
const findings = rows.map((row, index) => {
  if (row.length !== HEADER.length || !/^[A-Z0-9_]+$/.test(row[0])) fail(`Electronegativity's report has a malformed row ${index + 2}; refusing to trust it.`, 2);
  const [check, severity, confidence, file, location, , description] = row;
  return { check, severity, confidence, file: `${SCANNED}/${file}`, location, description, rank: RANK[severity] ?? Number.POSITIVE_INFINITY };
});

const gated = findings.filter((finding) => finding.rank > LOW);
const explained = (finding) => exceptions.some((entry) => entry.check === finding.check && samePath(entry.file, finding.file));
const unexplained = gated.filter((finding) => !explained(finding));
const stale = exceptions.filter((entry) => !gated.some((finding) => entry.check === finding.check && samePath(entry.file, finding.file)));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const notGated = findings.length - gated.length;

for (const entry of stale) console.warn(`security gate: warning: exception no longer needed: ${entry.check} in ${entry.file}`);
if (unexplained.length > 0) {
  for (const f of unexplained) console.error(`  ${f.severity} ${f.check} ${f.file}:${f.location} ${f.description}`);
  console.error('Fix these, or explain each in .electronegativity-exceptions.json ({check, file, reason}); see docs/desktop.md.');
  fail(`${gated.length} finding${gated.length === 1 ? '' : 's'} above LOW, ${unexplained.length} not explained (${seconds} s).`);
}
console.log(
  `security gate: ${gated.length} finding${gated.length === 1 ? '' : 's'} above LOW, all explained ` +
    `(${notGated} LOW or informational not gated; ${seconds} s).`,
);
