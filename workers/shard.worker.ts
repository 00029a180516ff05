import { type ShardAssignment, serveOptimizerShard } from '../src/core/optimizer';

// A helper thread of parallel epochs: serves one shard of a run until the run's optimizer is
// disposed (blocking this worker meanwhile), then waits for the next assignment.
self.onmessage = (event: MessageEvent<ShardAssignment>) => serveOptimizerShard(event.data);
self.postMessage('booted');
