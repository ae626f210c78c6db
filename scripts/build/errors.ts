import path from 'node:path';

/**
 * A mistake in the source that the build refuses to ship. It carries every
 * problem found, so one run lists them all instead of one per attempt.
 */
export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'BuildError';
  }
}

/** A path as the developer typed it: relative to the working directory. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}
