import { describe, expect, it } from 'vitest';
import { withAbstractSockets } from '../../../../electron/core/keychain/secret-service-batch.js';

describe('withAbstractSockets', () => {
  it('turns an abstract socket address into a NUL-prefixed path node opens itself, keeping other addresses', () => {
    expect(withAbstractSockets('unix:abstract=/tmp/dbus-AbC,guid=0123')).toBe('unix:socket=\u0000/tmp/dbus-AbC');
    expect(withAbstractSockets('unix:path=/run/user/1000/bus')).toBe('unix:path=/run/user/1000/bus');
    expect(withAbstractSockets('unix:abstract=/tmp/dbus-x;unix:path=/run/bus')).toBe('unix:socket=\u0000/tmp/dbus-x;unix:path=/run/bus');
  });
});
