/** The environment in words and colour, the same everywhere: production warm, sandbox cool. */
export function EnvBadge({ env }: { env: 'sandbox' | 'production' }) {
  return <span className={`env env-${env}`}>{env === 'production' ? 'PRODUCTION' : 'SANDBOX'}</span>;
}
