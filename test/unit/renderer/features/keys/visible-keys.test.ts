// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { spansInstances, visibleKeys } from '../../../../../renderer/src/features/keys/visible-keys.js';
import { isFiltered } from '../../../../../renderer/src/store/filter-slice.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { keyRow, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
const all = { query: '', env: 'all', provider: 'all', status: 'all' } as const;
const keys = [keyRow(), keyRow({ id: 'key-2', ref: 'xora/acme/jobs/worker', name: 'worker', env: 'sandbox' }), keyRow({ id: 'key-3', ref: 'nora/acme/live/api', name: 'api', provider: 'nora', instance: 'live' })];

describe('visibleKeys', () => {
  it('keeps the node’s keys, then what the search box and filters ask for', () => {
    expect(visibleKeys(keys, 'xora/acme/jobs', all).map((k) => k.name)).toEqual(['api', 'worker']);
    expect(visibleKeys(keys, null, { ...all, query: 'WORK' }).map((k) => k.ref)).toEqual(['xora/acme/jobs/worker']);
    expect(visibleKeys(keys, null, { ...all, env: 'sandbox' })).toHaveLength(1);
    // A node is matched by whole segments: "xora/acme/job" is not "xora/acme/jobs".
    expect(visibleKeys(keys, 'xora/acme/job', all)).toHaveLength(0);
  });

  it('a node above an instance spans several instances (its rows say which)', () => {
    expect(spansInstances(null)).toBe(true);
    expect(spansInstances('xora/acme')).toBe(true);
    expect(spansInstances('xora/acme/jobs')).toBe(false);
  });
});

describe('filter slice', () => {
  it('Clear the filter empties the search box and every filter, and keeps the tree’s node', () => {
    const s = useApp.getState();
    s.selectNode('xora/acme/jobs');
    s.setQuery('foo');
    s.setEnv('production');
    s.setStatus('overdue');
    expect(isFiltered(useApp.getState())).toBe(true);
    useApp.getState().clearFilters();
    expect(isFiltered(useApp.getState())).toBe(false);
    expect(useApp.getState().query).toBe('');
    expect(useApp.getState().selectedNode).toBe('xora/acme/jobs');
  });
});
