/** The seeds a check grades with: N consecutive uint32 seeds from a first one (reproducible). */
export const DEFAULT_SEED_COUNT = 20;

export function checkSeeds(count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 2 ** 32);
}
