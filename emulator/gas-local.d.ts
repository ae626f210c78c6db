/** gas-local ships no types: it runs every .js file of a folder in a vm context made from an object. */
declare module 'gas-local' {
  import type { Context } from 'node:vm';

  export function require(
    folderPath: string,
    globalObject?: object,
    options?: { filter?: (file: string) => boolean },
  ): Context;
}
