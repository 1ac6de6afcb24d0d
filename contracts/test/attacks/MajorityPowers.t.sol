// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {AttackBase} from "./AttackBase.sol";
import {StakingHub} from "../../src/StakingHub.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";
import {GuardianMultisig} from "../../src/governance/GuardianMultisig.sol";

/// @dev Finding 7 (medium, the rest): powers a simple majority of the token governor should not
/// have — slashing (almost) all of a stake in one proposal, granting the distributor's RECORDER_ROLE
/// or the pool's OPENER_ROLE, changing the REP rate — and a guardian set that can cancel its own
/// removal forever.
contract MajorityPowersAttack is AttackBase {
    function setUp() public {
        deployMarket();
        fundAndDelegate(alice, 1_000_000e18);
        vm.roll(block.number + 1);
    }

    /// One proposal slashed 99 % of every stake on an agent.
    function test_attack_slashCannotTakeMostOfAStake() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidSlashFraction.selector, 0.99e18));
        hub.slash(agent, 0.99e18);
    }

    /// A simple majority granted itself RECORDER_ROLE (revenue weights at will) or OPENER_ROLE.
    function test_attack_roleGrantsNeedSupermajority() public {
        bytes32 recorder = distributor.RECORDER_ROLE();
        uint256 id = proposeAs(
            governor,
            alice,
            one(address(distributor), abi.encodeCall(AccessControl.grantRole, (recorder, attacker)), "recorder")
        );
        assertTrue(governor.needsSupermajority(id), "RECORDER_ROLE grant passed by simple majority");
        bytes32 opener = pool.OPENER_ROLE();
        id = proposeAs(
            governor, alice, one(address(pool), abi.encodeCall(AccessControl.grantRole, (opener, attacker)), "opener")
        );
        assertTrue(governor.needsSupermajority(id), "OPENER_ROLE grant passed by simple majority");
    }

    /// Slashing and the REP rate are supermajority decisions too.
    function test_attack_slashAndRepRateNeedSupermajority() public {
        uint256 id = proposeAs(governor, alice, one(address(hub), abi.encodeCall(StakingHub.slash, (agent, 0.5e18)), "s"));
        assertTrue(governor.needsSupermajority(id), "slash passed by simple majority");
        id = proposeAs(governor, alice, one(address(market), abi.encodeCall(Marketplace.setRepRate, (10e18)), "r"));
        assertTrue(governor.needsSupermajority(id), "setRepRate passed by simple majority");
    }

    /// The guardians cancelled every attempt to replace them. Now they have a budget: the fourth
    /// removal scheduled within 30 days cannot be cancelled and executes.
    function test_attack_guardianCannotBlockItsRemovalForever() public {
        bytes memory removal =
            abi.encodeCall(AccessControl.revokeRole, (timelock.CANCELLER_ROLE(), address(guardian)));
        bytes32[4] memory ids;
        for (uint256 i; i < 4; ++i) {
            vm.prank(address(governor)); // the token governor's queued proposal, four times over
            timelock.schedule(address(timelock), 0, removal, bytes32(0), bytes32(i), TIMELOCK_DELAY);
            ids[i] = timelock.hashOperation(address(timelock), 0, removal, bytes32(0), bytes32(i));
        }
        for (uint256 i; i < 3; ++i) {
            vm.prank(guardian1);
            uint256 txId = guardian.proposeCancel(ids[i]);
            vm.prank(guardian2);
            guardian.confirm(txId);
            vm.prank(guardian2);
            guardian.execute(txId);
        }
        vm.prank(guardian1);
        uint256 last = guardian.proposeCancel(ids[3]);
        vm.prank(guardian2);
        guardian.confirm(last);
        vm.prank(guardian2);
        vm.expectRevert();
        guardian.execute(last);

        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.prank(address(governor));
        timelock.execute(address(timelock), 0, removal, bytes32(0), bytes32(uint256(3)));
        assertFalse(timelock.hasRole(timelock.CANCELLER_ROLE(), address(guardian)), "the guardians blocked their removal");
    }
}
