/**
 * The public intake at campaign peaks, measured: `POST /api/public/inquiries` with new inquiries
 * (each its own phone, 70xxxxxxxx, which the seed never uses) and, for the HTTP stack alone,
 * `GET /api/health`; against one instance, then with the same connections split across two on the
 * same database; on Express and on Fastify (`HTTP_ADAPTER`), alternating; by two load generators:
 * wrk as its own process (tools/bench/intake.lua), and autocannon in this process. Each figure is
 * the median of the runs, with the generator's share of the machine's CPU (its CPU seconds / wall
 * seconds / cores): a generator that needs a core of its own takes it from the servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export type HttpAdapterName = 'express' | 'fastify';
export type LoadGenerator = 'wrk' | 'autocannon';
export type LoadTarget = 'health' | 'intake';

export interface StartedServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export interface LoadFigure {
  target: LoadTarget;
  adapter: HttpAdapterName;
  instances: number;
  generator: LoadGenerator;
  connections: number;
  perSecond: number;
  p99Ms: number;
  errors: number;
  /** The generator's CPU seconds per wall second per core, 0 to 1. */
  generatorCpu: number;
}

export interface IntakeBenchOptions {
  startServer: (env: Record<string, string>) => Promise<StartedServer>;
  /** Removes the bench's inquiries (utm campaign `bench-intake`), so every run sees the same dataset. */
  cleanUp: () => Promise<void>;
  seconds: number;
  connections: number;
  runs: number;
  adapters: HttpAdapterName[];
  generators?: LoadGenerator[];
}

const CORES = availableParallelism();
const CLOCK_TICKS_PER_SECOND = 100;
const WRK_SCRIPT = join(__dirname, 'intake.lua');
/** Phone numbers each wrk thread may use in one run: far more than 20 s at any rate we reach. */
const NUMBERS_PER_THREAD = 1_000_000;
const WRK_THREADS = 2;

/** Every figure of the matrix, each the median of `runs` runs; the adapters alternate run by run. */
export async function benchIntake(options: IntakeBenchOptions): Promise<LoadFigure[]> {
  const generators = options.generators ?? ['wrk', 'autocannon'];
  const samples = new Map<string, LoadFigure[]>();
  const record = (figure: LoadFigure) => {
    const key = [figure.target, figure.adapter, figure.instances, figure.generator].join('/');
    samples.set(key, [...(samples.get(key) ?? []), figure]);
    console.log(
      `  ${key}: ${Math.round(figure.perSecond)}/s, p99 ${figure.p99Ms.toFixed(1)} ms, ${figure.errors} errors, generator CPU ${(figure.generatorCpu * 100).toFixed(0)} %`,
    );
  };
  for (let run = 0; run < options.runs; run++) {
    for (const adapter of options.adapters) {
      const env = { HTTP_ADAPTER: adapter };
      const servers = [await options.startServer(env)];
      try {
        for (const instances of [1, 2]) {
          if (instances === 2) servers.push(await options.startServer(env));
          const urls = servers.map((s) => s.url);
          for (const generator of generators) {
            for (const target of ['health', 'intake'] as const) {
              const load = generator === 'wrk' ? loadWithWrk : loadWithAutocannon;
              const figure = await load(target, urls, options.connections, options.seconds);
              if (target === 'intake') await options.cleanUp();
              record({ ...figure, target, adapter, instances, generator });
            }
          }
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  }
  return [...samples.values()].map(median);
}

function median(figures: LoadFigure[]): LoadFigure {
  const mid = <T>(values: T[], by: (value: T) => number) => [...values].sort((a, b) => by(a) - by(b))[Math.floor((values.length - 1) / 2)];
  const byRate = mid(figures, (f) => f.perSecond);
  return {
    ...byRate,
    p99Ms: mid(figures, (f) => f.p99Ms).p99Ms,
    errors: Math.max(...figures.map((f) => f.errors)),
    generatorCpu: mid(figures, (f) => f.generatorCpu).generatorCpu,
  };
}

type Load = Pick<LoadFigure, 'perSecond' | 'p99Ms' | 'errors' | 'connections' | 'generatorCpu'>;

const path = (target: LoadTarget) => (target === 'intake' ? '/api/public/inquiries' : '/api/health');
const share = (connections: number, urls: string[]) => Math.max(1, Math.round(connections / urls.length));

interface WrkResult {
  requests: number;
  durationUs: number;
  p99Us: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  status: number;
  cpuTicks: number;
}

/** One wrk process per instance, all at once, each thread with its own phone numbers. */
async function loadWithWrk(target: LoadTarget, urls: string[], connections: number, seconds: number): Promise<Load> {
  const firstPhone = 7_000_000_000 + Math.floor(Math.random() * 50) * NUMBERS_PER_THREAD;
  const results = await Promise.all(
    urls.map((url, i) => {
      const phones = target === 'intake' ? [String(firstPhone + i * WRK_THREADS * NUMBERS_PER_THREAD), String(NUMBERS_PER_THREAD)] : [];
      const args = [`-t${WRK_THREADS}`, `-c${share(connections, urls)}`, `-d${seconds}s`, '--latency', '-s', WRK_SCRIPT, `${url}${path(target)}`];
      return runWrk(phones.length ? [...args, '--', ...phones] : args);
    }),
  );
  const wall = Math.max(...results.map((r) => r.durationUs)) / 1e6;
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests / (r.durationUs / 1e6), 0),
    p99Ms: Math.max(...results.map((r) => r.p99Us)) / 1000,
    errors: results.reduce((sum, r) => sum + r.connect + r.read + r.write + r.timeout + r.status, 0),
    connections: share(connections, urls) * urls.length,
    generatorCpu: results.reduce((sum, r) => sum + r.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND / wall / CORES,
  };
}

function runWrk(args: string[]): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('WRK_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`wrk ${args.join(' ')} ended with ${code}:\n${output}`));
      resolve(JSON.parse(line.slice('WRK_RESULT '.length)) as WrkResult);
    });
  });
}

let autocannonPhone = 7_060_000_000 + Math.floor(Math.random() * 30_000_000);

/** One autocannon per instance, all at once, in this process. */
async function loadWithAutocannon(target: LoadTarget, urls: string[], connections: number, seconds: number): Promise<Load> {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}${path(target)}`,
        connections: share(connections, urls),
        duration: seconds,
        ...(target === 'intake'
          ? {
              method: 'POST' as const,
              headers: { 'content-type': 'application/json' },
              requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: inquiryBody(autocannonPhone++) }) }],
            }
          : {}),
      }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
    connections: results.reduce((sum, r) => sum + r.connections, 0),
    generatorCpu: (cpu.user + cpu.system) / 1e6 / wall / CORES,
  };
}

const inquiryBody = (phone: number) =>
  JSON.stringify({
    fullName: 'Bench Student',
    phone: `+91${phone}`,
    courseInterest: 'Online MBA',
    level: 'PG',
    mode: 'online',
    consent: { whatsapp: true, marketing: phone % 2 === 0 },
    utm: { source: 'google', campaign: 'bench-intake' },
  });
