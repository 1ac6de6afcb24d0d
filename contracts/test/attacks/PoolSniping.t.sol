// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";
import {ValidationPool} from "../../src/market/ValidationPool.sol";

/// @dev Finding 3 (high): validation pools won at the last block.
contract PoolSnipingAttack is AttackBase {
    address internal poster = makeAddr("poster");
    address internal whale = makeAddr("whale");

    function setUp() public {
        deployMarket();
        earnedRep(poster, 100e18);
        earnedRep(voter, 100e18);
        earnedRep(whale, 100_000e18);
        age();
    }

    function _open() internal returns (uint256 id) {
        vm.prank(poster);
        id = pool.open(ValidationPool.Kind.ModelReview, 7, 10e18, "model 7 leaks its training data");
    }

    /// REP minted after the pool opened (same block or later) carried full weight.
    function test_attack_reputationAfterOpeningDoesNotStake() public {
        uint256 id = _open();
        earnedRep(attacker, 1_000e18);
        vm.roll(block.number + 1);
        vm.prank(attacker);
        vm.expectRevert();
        pool.vote(id, false, 500e18);
    }

    /// One voter's stake is capped.
    function test_attack_stakePerVoterCapped() public {
        uint256 id = _open();
        vm.prank(whale);
        vm.expectRevert();
        pool.vote(id, false, 100_000e18);
    }

    /// A stake that flips the result in the last moments extends the window.
    function test_attack_lateFlipExtendsDeadline() public {
        uint256 id = _open();
        uint64 deadline = pool.getPool(id).deadline;
        vm.warp(deadline - 1);
        vm.prank(voter);
        pool.vote(id, false, 20e18);
        assertTrue(pool.getPool(id).deadline > deadline, "a last-second flip closed the pool");
    }
}
