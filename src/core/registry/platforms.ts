/**
 * The platforms whose official accounts the registry records, and what a handle looks like on each. A handle
 * is the first segment of the account's path as the platform writes it (YouTube: "@name", "channel/UC…",
 * "c/name" or "user/name"; Facebook: the page's name, or its number).
 */
export const PLATFORMS = {
  x: /^[A-Za-z0-9_]{1,15}$/,
  youtube: /^(?:@[A-Za-z0-9._·-]{3,30}|channel\/UC[A-Za-z0-9_-]{22}|c\/[^/?#\s]{1,100}|user\/[A-Za-z0-9]{1,60})$/,
  telegram: /^[A-Za-z][A-Za-z0-9_]{3,31}$/,
  facebook: /^[A-Za-z0-9.\-]{2,80}$/,
  instagram: /^[A-Za-z0-9._]{1,30}$/,
  vk: /^[A-Za-z0-9_.]{2,32}$/,
  tiktok: /^@[A-Za-z0-9_.]{2,24}$/,
} as const satisfies Record<string, RegExp>;
export type Platform = keyof typeof PLATFORMS;
