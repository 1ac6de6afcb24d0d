// Reference peer for the trie tests: @ethereumjs/trie builds the same trie
// from the same operations, returns its root and EIP-1186-style proofs.
//   stdin:  {"secure": bool, "ops": [[keyHex, valueHex|null], ...], "prove": [keyHex, ...]}
//   stdout: {"root": "0x…", "proofs": {"0xkey": ["0xnode", ...]}}
import { Trie } from '@ethereumjs/trie';

const hexToBytes = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const bytesToHex = (b) => '0x' + Buffer.from(b).toString('hex');

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => (s += d));
  process.stdin.on('end', () => resolve(s));
}));
const trie = new Trie({ useKeyHashing: !!input.secure });
for (const [k, v] of input.ops) {
  if (v === null || v === '0x') await trie.del(hexToBytes(k));
  else await trie.put(hexToBytes(k), hexToBytes(v));
}
const proofs = {};
for (const k of input.prove ?? []) proofs[k] = (await trie.createProof(hexToBytes(k))).map(bytesToHex);
process.stdout.write(JSON.stringify({ root: bytesToHex(trie.root()), proofs }));
