// Distribution tag colours, shared by the (lazy) map and the range-State table.
export const TAG_COLORS: Record<string, string> = {
  NATIVE: '#2e7d32',
  INTRODUCED: '#e08600',
  'INTRODUCED (?)': '#f2b84b',
  REINTRODUCED: '#1565c0',
  EXTINCT: '#616161',
  'EXTINCT (?)': '#9e9e9e',
  'DISTRIBUTION UNCERTAIN': '#8e44ad',
};

export function tagOf(tags: string[]): string {
  return tags.length === 0 ? 'NATIVE' : tags[0];
}
