import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { engines: { node: string } };
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];

describe('package.json engines and the Node.js running the tests', () => {
  it('this Node.js satisfies engines.node (>=20.19: Node 20 for the local worker, Node 24 on Azure)', () => {
    const floor = /^>=(\d+)\.(\d+)$/.exec(manifest.engines.node);
    expect(floor, manifest.engines.node).not.toBeNull();
    const [wantMajor, wantMinor] = [Number(floor?.[1]), Number(floor?.[2])];
    expect(major > wantMajor || (major === wantMajor && minor >= wantMinor), `${process.version} vs ${manifest.engines.node}`).toBe(true);
  });

  // CI runs the suite a second time under Node 24 and sets this, so a fork that fell back to the
  // machine's Node fails here instead of passing silently.
  it.runIf(process.env.EXPECTED_NODE_MAJOR)('the test workers run the Node.js major CI asked for (EXPECTED_NODE_MAJOR)', () => {
    expect(major).toBe(Number(process.env.EXPECTED_NODE_MAJOR));
  });
});

describe('package-lock.json: known-vulnerable versions stay out', () => {
  it('every xml2js is 0.5.0 or later (GHSA-776f-qx25-q3cc, prototype pollution, fixed in 0.5.0)', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const copies = Object.entries(lock.packages).filter(([path]) => path.endsWith('node_modules/xml2js'));
    expect(copies.length).toBeGreaterThan(0);
    for (const [path, { version }] of copies) {
      const [major, minor] = (version ?? '0.0').split('.').map(Number) as [number, number];
      expect(major > 0 || minor >= 5, `${path}@${version}`).toBe(true);
    }
  });
});
