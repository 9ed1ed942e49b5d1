import { InvalidArgumentError } from 'commander';
import { ENVIRONMENTS, type Environment } from '../../core/domain/model.js';

export function parseEnvironment(value: string): Environment {
  if ((ENVIRONMENTS as readonly string[]).includes(value)) return value as Environment;
  throw new InvalidArgumentError('must be sandbox or production.');
}

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, at least 1.');
  return Number(value);
}
