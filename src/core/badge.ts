import type { Typology } from './typology';

/** Badge colours by the most state-controlled category on the page (white text stays legible on each). */
export const BADGE_COLORS: Record<Typology | 'none', string> = {
  SC: '#b3261e',
  CaPu: '#a34700',
  CaPr: '#7b1fa2',
  ISFM: '#1f5fad',
  ISF: '#1f5fad',
  ISM: '#1f5fad',
  IP: '#1f5fad',
  none: '#59636e',
};
