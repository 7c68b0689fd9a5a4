import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../shared/sync/checkpoint';
import { decideReadPlan, type ReadPlanInput } from '../../../shared/sync/read-plan';

const now = new Date('2025-06-15T12:00:00Z');
const tracking = { currentVersion: '120', minValidVersion: '100' };
const checkpoint = (over: Partial<Checkpoint> = {}): Checkpoint => ({ entity: 'customers', pass: null, ctVersion: '110', lastCompleteAt: now, ...over });
const decide = (over: Partial<ReadPlanInput>) => decideReadPlan({ full: false, changeTracking: 'auto', tracking, checkpoint: checkpoint(), now, ...over });

describe('decideReadPlan', () => {
  it('reads changes since the stored version while it is still valid', () => {
    const plan = decide({});
    expect(plan.reason).toBe('incremental');
    expect(plan.pass).toMatchObject({ mode: 'changes', since: '110', target: '120', after: null });
  });

  it('accepts a stored version equal to the minimum valid version', () => {
    expect(decide({ checkpoint: checkpoint({ ctVersion: '100' }) }).pass.mode).toBe('changes');
  });

  it('falls back to a full scan when the stored version is older than the minimum valid version', () => {
    const plan = decide({ checkpoint: checkpoint({ ctVersion: '99' }) });
    expect(plan.reason).toBe('version-expired');
    expect(plan.pass).toMatchObject({ mode: 'scan', after: null, target: '120' });
  });

  it('compares versions as bigints, not strings', () => {
    expect(decide({ tracking: { currentVersion: '1000', minValidVersion: '900' }, checkpoint: checkpoint({ ctVersion: '1000' }) }).pass.mode).toBe('changes');
    expect(decide({ tracking: { currentVersion: '10', minValidVersion: '9' }, checkpoint: checkpoint({ ctVersion: '10' }) }).pass.mode).toBe('changes');
  });

  it('scans when no version is stored (first run) and records the current one as the target', () => {
    const plan = decide({ checkpoint: null });
    expect(plan.reason).toBe('no-stored-version');
    expect(plan.pass).toMatchObject({ mode: 'scan', target: '120' });
  });

  it('scans without a target when tracking is unavailable or switched off', () => {
    expect(decide({ tracking: null })).toMatchObject({ reason: 'tracking-unavailable', pass: { mode: 'scan', target: null } });
    expect(decide({ changeTracking: 'off' })).toMatchObject({ reason: 'tracking-off', pass: { mode: 'scan', target: null } });
  });

  it('scans from the start when a full run is requested', () => {
    const pass = { mode: 'scan' as const, after: ['C00100'], since: null, target: null, startedAt: now };
    expect(decide({ full: true, checkpoint: checkpoint({ pass }) })).toMatchObject({ reason: 'full-requested', pass: { after: null } });
  });

  it('resumes a scan in progress, whatever tracking says now', () => {
    const pass = { mode: 'scan' as const, after: ['C00100'], since: null, target: '90', startedAt: now };
    expect(decide({ checkpoint: checkpoint({ pass }), changeTracking: 'off' })).toEqual({ reason: 'resume', pass });
  });

  it('resumes a changes pass only while its version is valid', () => {
    const pass = { mode: 'changes' as const, after: ['C00100'], since: '105', target: '115', startedAt: now };
    expect(decide({ checkpoint: checkpoint({ pass }) })).toEqual({ reason: 'resume', pass });
    expect(decide({ checkpoint: checkpoint({ pass }), tracking: { currentVersion: '130', minValidVersion: '106' } }).reason).toBe('version-expired');
    expect(decide({ checkpoint: checkpoint({ pass }), tracking: null }).reason).toBe('tracking-unavailable');
  });
});
