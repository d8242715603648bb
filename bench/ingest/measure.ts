import { spawn } from 'node:child_process';
import { openSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type Measured = { seconds: number; peakRssMb: number; stdout: string; stderr: string };

/**
 * Runs a command to completion under GNU time, for its wall-clock time and its peak resident set
 * (the kernel's maxrss of the process). Output goes to /dev/null unless it is asked for: a
 * reference tool must not be slowed by a pipe we read.
 */
export async function measure(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; keepStdout?: boolean; rssFile: string },
): Promise<Measured> {
  const devNull = openSync('/dev/null', 'w');
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', options.rssFile, command, ...args], {
    env: options.env ?? process.env,
    stdio: ['ignore', options.keepStdout ? 'pipe' : devNull, 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const rssKb = Number(readFileSync(options.rssFile, 'utf8').trim().split('\n').at(-1));
  rmSync(options.rssFile, { force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`);
  return { seconds, peakRssMb: rssKb / 1024, stdout, stderr };
}
