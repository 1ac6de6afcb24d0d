// Compiles the ERC-20 the wallet integration tests deploy (OpenZeppelin's
// ERC20, minted to a constructor argument) with solcjs from node_modules and
// prints its creation bytecode as 0x hex on stdout. Compiled at test time
// so no opaque bytecode is checked in. solcjs reads no files itself: the
// import callback resolves "@openzeppelin/..." under node_modules.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const solc = require('solc');

const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// A plain 18-decimal token for wallet tests: the whole supply to one holder.
contract TestToken is ERC20 {
    constructor(address holder, uint256 supply) ERC20("Test Token", "TST") {
        _mint(holder, supply);
    }
}
`;

const input = {
  language: 'Solidity',
  sources: { 'TestToken.sol': { content: source } },
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun',
              outputSelection: { 'TestToken.sol': { TestToken: ['evm.bytecode.object'] } } },
};

function findImports(p) {
  try {
    return { contents: readFileSync(path.join(root, 'node_modules', p), 'utf8') };
  } catch (e) {
    return { error: `not found: ${p}` };
  }
}

const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  for (const e of errors) process.stderr.write(e.formattedMessage + '\n');
  process.exit(1);
}
process.stdout.write('0x' + out.contracts['TestToken.sol'].TestToken.evm.bytecode.object + '\n');
