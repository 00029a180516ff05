// A Node worker_threads entry serving parallel-epoch shards (shardThreads.ts bundles it).
import { parentPort } from 'node:worker_threads';
import { type ShardAssignment, serveOptimizerShard } from '../optimizer/parallelOptimizer';

if (parentPort === null) throw new Error('shardThreadEntry runs only as a worker thread');
const port = parentPort;
port.on('message', (assignment: ShardAssignment) => serveOptimizerShard(assignment));
port.postMessage('booted');
