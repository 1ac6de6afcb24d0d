// The JavaScript half of scripts/bench-compare: the same three operations
// with ethers v6 and @ethereumjs/trie on the same inputs. Prints JSON
// {name: nanoseconds per operation}.
import { Wallet, AbiCoder, Interface, keccak256 } from 'ethers';
import { Trie } from '@ethereumjs/trie';
import { readFileSync } from 'node:fs';

const hexToBytes = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));

async function timeIt(fn, minMs = 1500) {
  for (let i = 0; i < 50; i++) await fn(); // warm-up (JIT)
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMs) * 1000000n) {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / n;
}

const out = {};
const wallet = new Wallet('0x4646464646464646464646464646464646464646464646464646464646464646');
const tx = {
  type: 2, chainId: 31337, nonce: 7, maxPriorityFeePerGas: 1000000000n, maxFeePerGas: 30000000000n,
  gasLimit: 21000, to: '0x3535353535353535353535353535353535353535', value: 1000000000000000000n, data: '0x',
};
out.sign1559_ethers = await timeIt(() => wallet.signTransaction(tx));

const input = JSON.parse(readFileSync(process.env.CTRN_BENCH_PROOFS, 'utf8'));
const root = hexToBytes(input.stateRoot);
const cases = input.proofs.map((p) => ({ key: hexToBytes(keccak256(p.address)), proof: p.accountProof.map(hexToBytes) }));
const trie = new Trie();
let i = 0;
out.proofVerify_ethereumjs = await timeIt(async () => {
  const c = cases[i++ % cases.length];
  const v = await trie.verifyProof(root, c.key, c.proof);
  if (v === null) throw new Error('ethereumjs proof did not verify');
});

const iface = new Interface(['function submit(address,uint256,bytes,string,uint256[])']);
const args = ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 123456789012345678901234567890n, '0x' + 'ab'.repeat(100),
  'computronium dataset licence v1', [1n, 2n, 3n, 4n, 5n]];
out.abiEncode5_ethers = await timeIt(() => iface.encodeFunctionData('submit', args));
out.abiEncode5_ethers_abicoder = await timeIt(() => AbiCoder.defaultAbiCoder().encode(
  ['address', 'uint256', 'bytes', 'string', 'uint256[]'], args));
process.stdout.write(JSON.stringify(out));
