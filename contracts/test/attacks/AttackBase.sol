// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Market} from "../utils/Market.sol";
import {GovernorSupermajority} from "../../src/governance/GovernorSupermajority.sol";

/// @dev The whole protocol (governance + market) plus the proposal helpers the attack replays use.
/// Every attack test here was written first and failed on the code before its fix (see the commit
/// that introduced it), then passed after the fix.
abstract contract AttackBase is Market {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal attacker = makeAddr("attacker");
    address internal sybil = makeAddr("sybil");

    struct Call {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
    }

    function one(address target, bytes memory data, string memory description)
        internal
        pure
        returns (Call memory c)
    {
        c.targets = new address[](1);
        c.targets[0] = target;
        c.values = new uint256[](1);
        c.calldatas = new bytes[](1);
        c.calldatas[0] = data;
        c.description = description;
    }

    function treasuryGrant(address to, uint256 amount, string memory description) internal view returns (Call memory) {
        return one(address(token), abi.encodeCall(IERC20.transfer, (to, amount)), description);
    }

    function proposeAs(Governor g, address who, Call memory c) internal returns (uint256 id) {
        vm.prank(who);
        id = g.propose(c.targets, c.values, c.calldatas, c.description);
    }

    function passAndExecute(Governor g, address who, Call memory c) internal returns (uint256 id) {
        id = proposeAs(g, who, c);
        vm.roll(g.proposalSnapshot(id) + 1);
        vm.prank(who);
        g.castVote(id, 1);
        vm.roll(g.proposalDeadline(id) + 1);
        bytes32 h = keccak256(bytes(c.description));
        g.queue(c.targets, c.values, c.calldatas, h);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        if (!GovernorSupermajority(payable(address(g))).needsSupermajority(id)) {
            g.execute(c.targets, c.values, c.calldatas, h);
            return id;
        }
        // A constitutional proposal executes through the guardians (2 of 3).
        vm.prank(guardian1);
        uint256 txId = guardian.proposeExecute(address(g), c.targets, c.values, c.calldatas, h);
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian2);
        guardian.execute(txId);
    }

    /// @dev REP minted by the test (a stand-in for REP earned long ago), then aged.
    function earnedRep(address to, uint256 amount) internal {
        bytes32 minter = rep.MINTER_ROLE();
        if (!rep.hasRole(minter, address(this))) {
            vm.prank(address(timelock));
            rep.grantRole(minter, address(this));
        }
        rep.mint(to, amount, "test");
    }

    function age() internal {
        vm.roll(block.number + 1_000);
        vm.warp(block.timestamp + 1 hours);
    }
}
