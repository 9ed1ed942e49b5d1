/**
 * TRANSITIONAL: the CLI's words for a damaged vault, in core only because the CLI's context still
 * asks core for its end-of-run damage report (describeVaultDamage); the CLI's wording of
 * `vault.damaged` says the same through this. Pure, so the CLI's wordings load nothing with it.
 */
export function vaultDamageText(damage: { file: string; lastGood?: string | undefined; parts: readonly string[] }, outcome = ''): string {
  const { file, lastGood, parts } = damage;
  const restore = lastGood
    ? `fix ${parts.length === 1 ? 'it' : 'them'} in ${file}, or restore the last good copy: cp '${lastGood}' '${file}'`
    : `fix ${parts.length === 1 ? 'it' : 'them'} in ${file} (there is no backup copy yet)`;
  const head = `the vault metadata is damaged, so ${parts.length === 1 ? 'this part is' : 'these parts are'} left out and no change can be saved until it is fixed${outcome ? ` (${outcome})` : ''}`;
  return `${head}:\n  ${parts.join('\n  ')}\n${restore}`;
}
