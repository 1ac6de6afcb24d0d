// The ethers v6 half of (d) in scripts/bench-compare: the same eth_getLogs
// (filter written by bench_index to $CTRN_BENCH_FILTER) against the same
// devnet, and every log decoded with Interface.parseLog. Prints JSON:
// {events, getLogsDecode_ethers_ms} (median of the repetitions).
import { readFileSync } from 'node:fs';
import { JsonRpcProvider, Interface } from 'ethers';

const manifest = JSON.parse(readFileSync(process.env.CTRN_BENCH_MANIFEST, 'utf8'));
const filter = JSON.parse(readFileSync(process.env.CTRN_BENCH_FILTER, 'utf8'));
const abiDir = new URL('../../resources/abi/', import.meta.url);
const byAddress = new Map();
for (const [name, address] of Object.entries(manifest.contracts)) {
  let abi;
  try { abi = JSON.parse(readFileSync(new URL(`${name}.json`, abiDir), 'utf8')); } catch { continue; }
  byAddress.set(address.toLowerCase(), new Interface(Array.isArray(abi) ? abi : abi.abi));
}
const provider = new JsonRpcProvider(process.env.CTRN_BENCH_RPC, undefined, { staticNetwork: true, batchMaxCount: 1 });
const query = { fromBlock: BigInt(filter.fromBlock), toBlock: BigInt(filter.toBlock), address: filter.address, topics: filter.topics };

async function once() {
  const logs = await provider.getLogs(query);
  let events = 0;
  for (const log of logs) if (byAddress.get(log.address.toLowerCase()).parseLog(log)) events++;
  return events;
}

await once(); // warm-up (connection, JIT)
const times = [];
let events = 0;
const reps = Number(process.env.CTRN_BENCH_REPS || 30);
for (let i = 0; i < reps; i++) {
  const t0 = process.hrtime.bigint();
  events = await once();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ events, getLogsDecode_ethers_ms: times[Math.floor(times.length / 2)] }));
provider.destroy();
