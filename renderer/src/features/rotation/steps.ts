/** The steps as the person thinks of them. */
export const STEPS = [
  { id: 'create', title: 'Create new key' },
  { id: 'swap', title: 'Swap it in' },
  { id: 'verify', title: 'Check it works' },
  { id: 'revoke', title: 'Revoke the old key' },
] as const;
