/**
 * Lays out a small graph with ELK in a process of its own, for tests/backends/diagram/elk.test.ts:
 * V8 only reads a code cache when it compiles ELK for the first time in a process.
 * Usage: elk-run.ts <cache folder>; prints { fromCache, layout } as JSON.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { loadElk } from '../../../src/backends/diagram/elk.js';

const graph: ElkNode = {
  id: 'root',
  layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'LEFT', 'elk.edgeRouting': 'ORTHOGONAL' },
  children: [1, 2, 3, 4].map((k) => ({ id: `n${k}`, width: 120, height: 40 })),
  edges: [
    { id: 'e2', sources: ['n2'], targets: ['n1'] },
    { id: 'e3', sources: ['n3'], targets: ['n1'] },
    { id: 'e4', sources: ['n4'], targets: ['n2'] },
  ],
};

const loaded = loadElk({ cacheDir: process.argv[2]! });
const layout = await loaded.elk.layout(graph);
loaded.saveCompiledCode();
process.stdout.write(JSON.stringify({ fromCache: loaded.fromCache, layout }));
