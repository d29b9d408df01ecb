/** A registry entry that cannot be used. The message names the file, the entry and the field. */
export class RegistryError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: entry "${entry}": field "${field}": ${problem}`);
    this.name = 'RegistryError';
  }
}
