import { describe, expect, it } from 'vitest';
import { readRuntimeEnv } from './runtime-env';

describe('readRuntimeEnv: allowed host names', () => {
  it('answers only the loopback names by default (HOST 127.0.0.1 is one of them)', () => {
    expect(readRuntimeEnv({}).allowedHosts).toEqual(['127.0.0.1']);
    expect(readRuntimeEnv({ HOST: '0.0.0.0' }).allowedHosts).toEqual([]);
    expect(readRuntimeEnv({ HOST: '::' }).allowedHosts).toEqual([]);
  });

  it('adds SEGSHEET_ALLOWED_HOSTS (names, ".name" for subdomains, ports ignored) and the one address HOST names', () => {
    const env = readRuntimeEnv({ HOST: '192.168.1.5', SEGSHEET_ALLOWED_HOSTS: ' Segsheet.LAN , .corp.example,box:3000,::1' });
    expect(env.allowedHosts).toEqual(['segsheet.lan', '.corp.example', 'box', '[::1]', '192.168.1.5']);
  });

  it('stops the start on an entry that is not a host name, naming it', () => {
    expect(() => readRuntimeEnv({ SEGSHEET_ALLOWED_HOSTS: 'ok.example,http://x/y' })).toThrow(/SEGSHEET_ALLOWED_HOSTS.*"http:\/\/x\/y" is not a host name/);
  });
});
