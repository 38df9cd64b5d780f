/**
 * Faults a shared research server sees every week never leave a wrong report that looks right
 * (issue 19): full disks at every stage (a real small tmpfs where it can be mounted, and everywhere
 * the injected write failure of io/checked-write.ts), two runs at once, kill -9 at seeded
 * random points, pipes and devices as exports, unsafe ids, links in the out folder.
 *
 * Every case runs the real command line on a copy of the 2022 sample wave and compares the out
 * folder byte for byte with a clean run (manifest.json and .file-hashes.json aside: they hold wall
 * times and file identities). The kill -9 case runs SKILLGAP_KILL_RUNS times (default 3;
 * `npm run test:kill` runs 20).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.ts';
import {
  copySampleWave, expectSameOutputs, listFiles, readManifestStages, skillgap, stagesRan, startSkillgap, temporaryFiles,
  BOOKKEEPING, type CliResult, type ManifestStage,
} from './fault-helpers.ts';
import { seededRandom } from '../../tools/fuzz/mutations.ts';

const STAGES = ['ingest', 'normalise', 'analyse', 'render'];
const KILL_RUNS = Number(process.env.SKILLGAP_KILL_RUNS ?? 3);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('faults never leave a wrong report that looks right', () => {
  const dir = useTempDir('skillgap-faults-');
  const waveX = join(dir, 'wave-x', 'wave.json');
  const waveY = join(dir, 'wave-y', 'wave.json');
  /** Clean runs of X (the sample wave) and Y (the same wave id, three industry rows fewer). */
  const refX = join(dir, 'ref-x', '2022');
  const refY = join(dir, 'ref-y', '2022');

  beforeAll(async () => {
    copySampleWave(join(dir, 'wave-x'));
    copySampleWave(join(dir, 'wave-y'), 3);
    for (const [wave, out] of [[waveX, 'ref-x'], [waveY, 'ref-y']]) {
      const clean = await skillgap(['run', '--config', wave, '--out', join(dir, out)]);
      expect(clean.stderr).not.toMatch(/cannot write/);
      expect(clean.code).toBe(0);
    }
    // The two waves differ in every stage's outputs, so a mixture would show.
    expect(readFileSync(join(refX, 'normalised/answers.csv')).equals(readFileSync(join(refY, 'normalised/answers.csv')))).toBe(false);
  }, 600_000);

  /** The manifest records only what is on disk: every output hash of an ok stage is the file's sha256. */
  function expectManifestMatchesDisk(waveOut: string): void {
    for (const record of Object.values(readManifestStages(waveOut))) {
      if (record.status !== 'ok') continue;
      for (const [file, hash] of Object.entries(record.outputs)) {
        expect(hash, file).toBe(sha256(join(waveOut, file.replace(/^out:/, ''))));
      }
    }
  }

  /**
   * Disk full at every stage, one run after another into the same out folder: each run exits 1
   * naming the file and the free space, records its stage as not done (and `status` says it will
   * run), leaves no temporary file or lock; the next run redoes that stage and fails in the next.
   * The last run, with space, runs only what is left and gives the clean run's bytes.
   */
  async function diskFullAtEveryStage(out: string, makeFull: (stage: string) => { env?: Record<string, string>; file: RegExp }, makeRoom: () => void, checkStatus: boolean): Promise<void> {
    const waveOut = join(out, '2022');
    for (const [i, stage] of STAGES.entries()) {
      const { env, file } = makeFull(stage);
      const failed = await skillgap(['run', '--config', waveX, '--out', out], env);
      expect(failed.code, failed.stderr).toBe(1);
      expect(failed.stderr).toMatch(new RegExp(`skillgap: cannot write \\S*${file.source}\\S*: [^\\n]*\\((ENOSPC|EIO)\\); [\\d.]+ (bytes|KB|MB|GB|TB) free on its volume`));
      expect(failed.stderr).toMatch(new RegExp(`${stage}: running`));
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      const stages = readManifestStages(waveOut);
      expect(stages[stage]?.status, stage).not.toBe('ok');
      for (const earlier of STAGES.slice(0, i)) expect(stages[earlier]?.status, earlier).toBe('ok');
      expectManifestMatchesDisk(waveOut);
      expect(temporaryFiles(out)).toEqual([]);
      expect(existsSync(join(waveOut, '.lock'))).toBe(false);
      if (!checkStatus) continue;
      const status = await skillgap(['status', '--config', waveX, '--out', out, '--json']);
      expect((JSON.parse(status.stdout) as { result: { stages: { stage: string; stale: boolean }[] } }).result.stages.filter((s) => s.stale).map((s) => s.stage)).toEqual(STAGES.slice(i));
    }
    makeRoom();
    const last = await skillgap(['run', '--config', waveX, '--out', out, '--json']);
    expect(last.code, last.stderr).toBe(0);
    expect(stagesRan(last.stdout)).toEqual(['render']);
    expectSameOutputs(waveOut, refX);
    expectManifestMatchesDisk(waveOut);
    if (!checkStatus) return;
    const again = await skillgap(['run', '--config', waveX, '--out', out, '--json']);
    expect(stagesRan(again.stdout)).toEqual([]);
  }

  it('disk full (injected write failures: short write, then ENOSPC or EIO) at every stage → exit 1, nothing recorded as done, the next run completes byte-identical', async () => {
    // SKILLGAP_TEST_WRITE_FAULT=<CODE>@<bytes>:<file>: the write crossing <bytes> of that file is short, the next fails.
    const faults: Record<string, [string, RegExp]> = {
      ingest: ['ENOSPC@1000:ingested/industry-qualtrics.arrow', /ingested\/industry-qualtrics\.arrow/],
      normalise: ['EIO@70000:normalised/answers.csv', /normalised\/answers\.csv/],
      analyse: ['ENOSPC@0:analysis/tests.csv', /analysis\/tests\.csv/],
      render: ['ENOSPC@5000:report.pdf', /2022\/report\.pdf/],
    };
    await diskFullAtEveryStage(join(dir, 'full-injected'), (stage) => ({ env: { SKILLGAP_TEST_WRITE_FAULT: faults[stage][0] }, file: faults[stage][1] }), () => {}, true);
  }, 600_000);

  describe('on a real full volume (tmpfs)', () => {
    const mountPoint = join(dir, 'tmpfs');
    let mounted = false;
    const mount = (size: string) => spawnSync('mount', mounted ? ['-o', `remount,size=${size}`, mountPoint] : ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { encoding: 'utf8' });

    beforeAll(() => {
      mkdirSync(mountPoint, { recursive: true });
      const result = mount('128k');
      mounted = result.status === 0;
      if (!mounted) console.warn(`skipping the tmpfs disk-full test: cannot mount a tmpfs here (${(result.stderr || result.error?.message || '').trim()}); the injected-failure test covers the same cases`);
    });
    afterAll(() => {
      if (mounted) spawnSync('umount', [mountPoint]);
    });

    it('disk full at every stage → exit 1, nothing recorded as done, the next run with space completes byte-identical', async (context) => {
      if (!mounted) context.skip();
      // Sizes from the reference run's outputs (so they follow the outputs as these grow): each stage
      // gets room for the stages before it, 256 KB for the manifest, hashes and lock, and half of its own outputs.
      const kb = (path: string): number => {
        if (!existsSync(path)) return 0;
        const stat = statSync(path);
        if (!stat.isDirectory()) return Math.ceil(stat.size / 4096) * 4;
        return readdirSync(path).reduce((sum, name) => sum + kb(join(path, name)), 4);
      };
      const own = {
        ingest: kb(join(refX, 'ingested')),
        normalise: kb(join(refX, 'normalised')) + kb(join(refX, 'quality')),
        analyse: kb(join(refX, 'analysis')),
        render: kb(join(refX, 'figures')) + kb(join(refX, 'report.pdf')) + kb(join(refX, 'report.html')),
      };
      const before = (stage: keyof typeof own) => STAGES.slice(0, STAGES.indexOf(stage)).reduce((sum, earlier) => sum + own[earlier as keyof typeof own], 0);
      const room = (stage: keyof typeof own) => `${Math.ceil(before(stage) + (stage === 'ingest' ? 0 : 256) + own[stage] / 2)}k`;
      const sizes: Record<string, [string, RegExp]> = {
        ingest: [room('ingest'), /ingested\//],
        normalise: [room('normalise'), /normalised\//],
        analyse: [room('analyse'), /analysis\//],
        render: [room('render'), /(figures\/|report\.(pdf|html))/],
      };
      const total = Object.values(own).reduce((sum, value) => sum + value, 0);
      await diskFullAtEveryStage(join(mountPoint, 'out'), (stage) => {
        expect(mount(sizes[stage][0]).status).toBe(0);
        return { file: sizes[stage][1] };
      }, () => expect(mount(`${Math.ceil(2 * total + 16_384)}k`).status).toBe(0), false);
    }, 600_000);
  });

  it('two runs of one wave at once: the second exits 2 naming the holder, or waits with --wait; the outputs are all from one run', async () => {
    const out = join(dir, 'concurrent');
    const waveOut = join(out, '2022');
    const lock = join(waveOut, '.lock');
    const first = startSkillgap(['run', '--config', waveX, '--out', out]);
    await until(() => existsSync(lock));
    // Y without --wait is refused while X writes; Y with --wait waits for X, then writes all of Y.
    const waiting = startSkillgap(['run', '--config', waveY, '--out', out, '--wait', '--json']);
    const refused = await startSkillgap(['run', '--config', waveY, '--out', out]).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/wave 2022 is being written by pid \d+ since \d\d:\d\d; use --wait/);
    expect(refused.stderr).not.toMatch(/(ingest|normalise|analyse|render): running/);
    const [firstResult, waitingResult] = await Promise.all([first.done, waiting.done]);
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(waitingResult.code, waitingResult.stderr).toBe(0);
    expect(waitingResult.stderr).toMatch(/wave 2022 is being written by pid \d+ since \d\d:\d\d; waiting/);
    expect(stagesRan(waitingResult.stdout)).toEqual(STAGES);
    expectSameOutputs(waveOut, refY);
    expect(existsSync(lock)).toBe(false);
  }, 600_000);

  it(`kill -9 at ${KILL_RUNS} seeded random points: the previous report stays intact, the next run redoes exactly the unfinished stages, byte-identical`, async () => {
    const random = seededRandom(19);
    const reportX = readFileSync(join(refX, 'report.pdf'));
    const reportY = readFileSync(join(refY, 'report.pdf'));
    const recordsY = readManifestStages(refY);
    // Files a run writes, with their sizes: a kill point is a byte of one of them.
    const written = listFiles(refY).map((file) => ({ file, size: statSync(join(refY, file)).size }));
    for (let i = 0; i < KILL_RUNS; i++) {
      const out = join(dir, `kill-${i}`);
      cpSync(join(dir, 'ref-x'), out, { recursive: true });
      const waveOut = join(out, '2022');
      let killed: CliResult;
      let point: string;
      if (i % 2 === 0) {
        // In the middle of a write: SIGKILL sent by the process to itself at a byte of one file.
        const { file, size } = written[Math.floor(random() * written.length)];
        point = `SIGKILL@${Math.floor(random() * size)}:2022/${file}`;
        killed = await skillgap(['run', '--config', waveY, '--out', out], { SKILLGAP_TEST_WRITE_FAULT: point });
        expect(killed.signal, `${point}: ${killed.stderr}`).toBe('SIGKILL');
      } else {
        // At a moment: kill -9 from outside after a seeded delay (computing, hashing or writing).
        const delay = Math.floor(300 + random() * 6000);
        point = `after ${delay} ms`;
        const run = startSkillgap(['run', '--config', waveY, '--out', out]);
        const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
        killed = await run.done;
        clearTimeout(timer);
      }
      // The previous complete report is readable: X's, or Y's whole if render had renamed it into place.
      const report = readFileSync(join(waveOut, 'report.pdf'));
      expect(report.equals(reportX) || report.equals(reportY), point).toBe(true);
      // Stages the killed run finished and recorded are exactly those whose record is the clean run's.
      const recorded = readManifestStages(waveOut);
      const finished = STAGES.filter((stage) => sameRecord(recorded[stage], recordsY[stage]));
      const next = await skillgap(['run', '--config', waveY, '--out', out, '--json']);
      expect(next.code, `${point}: ${next.stderr}`).toBe(0);
      expect(stagesRan(next.stdout), point).toEqual(STAGES.filter((stage) => !finished.includes(stage)));
      console.log(`kill ${i + 1}/${KILL_RUNS} ${point}: ${killed.signal ?? `exit ${killed.code}`}; finished before the kill: ${finished.join(', ') || 'none'}; rerun: ${stagesRan(next.stdout).join(', ') || 'none'}`);
      expectSameOutputs(waveOut, refY);
      expect(temporaryFiles(out), point).toEqual([]);
      expect(existsSync(join(waveOut, '.lock'))).toBe(false);
      if (killed.signal === 'SIGKILL' && existsSync(join(waveOut, 'manifest.json'))) expect(next.stderr).not.toMatch(/internal error/);
      rmSync(out, { recursive: true, force: true });
    }
  }, 1_800_000);

  it('a named pipe or /dev/zero as an export → exit 1 within seconds, from run and validate, naming the file and what it is', async () => {
    const waveDir = join(dir, 'odd-sources');
    const config = copySampleWave(waveDir);
    const source = join(waveDir, 'industry-qualtrics.csv');
    rmSync(source);
    expect(spawnSync('mkfifo', [source]).status).toBe(0);
    for (const command of ['run', 'validate']) {
      const result = await skillgap([command, '--config', config, ...(command === 'run' ? ['--out', join(dir, 'odd-out')] : [])], {}, 60_000);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/industry-qualtrics\.csv: the export of source "industry-qualtrics" is a named pipe \(FIFO\), not a regular file/);
    }
    rmSync(source);
    symlinkSync('/dev/zero', source);
    for (const command of ['run', 'validate']) {
      const result = await skillgap([command, '--config', config, ...(command === 'run' ? ['--out', join(dir, 'odd-out')] : [])], {}, 60_000);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/industry-qualtrics\.csv: the export of source "industry-qualtrics" is a character device, not a regular file/);
    }
    const single = await skillgap(['validate', '--input', '/dev/zero'], {}, 60_000);
    expect(single.code).toBe(1);
    expect(single.stderr).toMatch(/\/dev\/zero: this is a character device, not a regular file/);
    expect(listFiles(join(dir, 'odd-out'))).toEqual([]);
  }, 120_000);

  it('wave and source ids with ".." or "/" → exit 1 from run and validate, naming the id, and nothing written outside --out', async () => {
    const cases: [string, (config: Record<string, unknown>) => void, RegExp][] = [
      ['../../x', (config) => (config.wave = '../../x'), /wave id \("wave"\) "\.\.\/\.\.\/x" is not a safe name/],
      ['a/b', (config) => (config.wave = 'a/b'), /wave id \("wave"\) "a\/b" is not a safe name/],
      ['../../../x', (config) => ((config.sources as { id: string }[])[0].id = '../../../x'), /source id \(sources\[0\]\.id\) "\.\.\/\.\.\/\.\.\/x" is not a safe name/],
      ['..', (config) => ((config.sources as { id: string }[])[1].id = '..'), /source id \(sources\[1\]\.id\) "\.\." is not a safe name/],
    ];
    for (const [i, [id, edit, message]] of cases.entries()) {
      const config = copySampleWave(join(dir, `ids-wave-${i}`));
      const json = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
      edit(json);
      writeFileSync(config, JSON.stringify(json, null, 2));
      const around = join(dir, `ids-${i}`);
      const out = join(around, 'a', 'b', 'out');
      for (const command of ['run', 'validate']) {
        const result = await skillgap([command, '--config', config, ...(command === 'run' ? ['--out', out] : [])]);
        expect(result.code, `${id}: ${result.stderr}`).toBe(1);
        expect(result.stderr).toMatch(message);
      }
      expect(existsSync(around) ? readdirSync(around, { recursive: true }) : []).toEqual([]);
      expect(readdirSync(join(dir, `ids-wave-${i}`)).sort()).toEqual(readdirSync(join(dir, 'wave-x')).sort());
    }
    const flag = await skillgap(['run', '--wave', '../2022', '--out', join(dir, 'ids-flag', 'out')]);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/wave id \(--wave\) "\.\.\/2022" is not a safe name/);
    expect(existsSync(join(dir, 'ids-flag'))).toBe(false);
  }, 300_000);

  it('a link inside the out folder is refused (exit 1, naming it) and nothing is written through it', async () => {
    const out = join(dir, 'links');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(out, '2022'), { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, '2022', 'normalised'));
    const result = await skillgap(['run', '--config', waveX, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${escape(join(out, '2022', 'normalised'))} is a symbolic link \\(to ${escape(elsewhere)}\\); skillgap never writes through a link`));
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(join(out, '2022')).filter((name) => !BOOKKEEPING.has(name))).toEqual(['normalised']);
    // A file link to a device: refused before anything hashes it (which would never end).
    rmSync(join(out, '2022', 'normalised'));
    symlinkSync('/dev/zero', join(out, '2022', 'report.pdf'));
    for (const command of ['run', 'status']) {
      const refused = await skillgap([command, '--config', waveX, '--out', out], {}, 60_000);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/report\.pdf is a symbolic link \(to \/dev\/zero\)/);
    }
  }, 120_000);
});

/** Polls until `condition` holds (at most two minutes). */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 120_000) throw new Error('condition not met in two minutes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sameRecord(a: ManifestStage | undefined, b: ManifestStage | undefined): boolean {
  if (!a || !b || a.status !== 'ok' || b.status !== 'ok') return false;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return a.codeHash === b.codeHash && a.parametersHash === b.parametersHash && same(a.inputs, b.inputs) && same(a.outputs, b.outputs);
}
