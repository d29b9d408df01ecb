// Z85 (ZeroMQ's base-85): 4 bytes in 5 printable characters, none of which needs escaping in a JS string.
export const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

/** Encodes bytes (padded with zeros to a multiple of 4; the caller keeps the real length). */
export function z85Encode(bytes) {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  let out = '';
  for (let i = 0; i < padded.length; i += 4) {
    let value = ((padded[i] << 24) | (padded[i + 1] << 16) | (padded[i + 2] << 8) | padded[i + 3]) >>> 0;
    let chunk = '';
    for (let k = 0; k < 5; k++) {
      chunk = Z85[value % 85] + chunk;
      value = Math.floor(value / 85);
    }
    out += chunk;
  }
  return out;
}
