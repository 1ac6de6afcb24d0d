// Reference peer for transaction tests: ethers v6 signs the same transaction
// with the same key (RFC 6979 makes both signatures identical) and parses
// raw transactions.
//   stdin:  {"sign": {tx fields…}, "key": "0x…"}  -> {"raw": "0x…", "hash": "0x…", "from": "0x…"}
//   stdin:  {"parse": "0xraw"}                    -> {"from", "hash", "type", "nonce", …}
import { Wallet, Transaction } from 'ethers';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => (s += d));
  process.stdin.on('end', () => resolve(s));
}));
const str = (v) => (v === null || v === undefined ? null : v.toString());
if (input.sign) {
  const tx = { ...input.sign };
  if (tx.data === undefined) tx.data = '0x';
  const wallet = new Wallet(input.key);
  const raw = await wallet.signTransaction(tx);
  const parsed = Transaction.from(raw);
  process.stdout.write(JSON.stringify({ raw, hash: parsed.hash, from: parsed.from }));
} else {
  const t = Transaction.from(input.parse);
  process.stdout.write(JSON.stringify({
    type: str(t.type), chainId: str(t.chainId), nonce: str(t.nonce), gasLimit: str(t.gasLimit),
    gasPrice: str(t.gasPrice), maxFeePerGas: str(t.maxFeePerGas), maxPriorityFeePerGas: str(t.maxPriorityFeePerGas),
    to: t.to, value: str(t.value), data: t.data, from: t.from, hash: t.hash,
  }));
}
