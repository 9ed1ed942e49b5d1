// A minimal HS256 JWT for Nexora's login: real enough that a client can decode it, and
// verified, so a forged or expired token gets the same 401 as a bad key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const claimsSchema = z.object({ sub: z.string(), exp: z.number(), iat: z.number() });
export type Claims = z.infer<typeof claimsSchema>;

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (secret: Buffer, data: string): Buffer => createHmac('sha256', secret).update(data).digest();

export function signJwt(secret: Buffer, claims: Claims): string {
  const data = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${data}.${sign(secret, data).toString('base64url')}`;
}

export function verifyJwt(secret: Buffer, token: string, nowSeconds: number): Claims | null {
  const [head, payload, signature, ...rest] = token.split('.');
  if (head === undefined || payload === undefined || signature === undefined || rest.length > 0) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(secret, `${head}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return claims.success && claims.data.exp > nowSeconds ? claims.data : null;
  } catch {
    return null;
  }
}
