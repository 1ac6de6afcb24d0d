// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";

/// @dev Finding 6 (medium): a reward went to whoever held shares at `notifyReward`, and `release` is
/// public, so stake -> release -> unstake captured a settlement's stakers' share; and an agent could
/// raise its commission just before a large reward.
contract JustInTimeStakingAttack is AttackBase {
    address internal payer = makeAddr("payer");

    function setUp() public {
        deployMarket();
        fund(payer, 1_000_000e18);
        vm.prank(payer);
        token.approve(address(hub), type(uint256).max);
    }

    function _commissionAccrued() internal view returns (uint256 accrued) {
        (,,,,,,,,,, accrued) = hub.agents(agent);
    }

    /// A large purchase is delivered and its release window has passed. The attacker stakes 199x the
    /// honest staker's stake on the agent, calls the public `release` itself and unbonds at once.
    function test_attack_stakeReleaseUnstakeCapturesNothing() public {
        uint256 listing = list(Marketplace.Kind.Compute, 100_000e18);
        uint256 id = buy(listing, 1);
        vm.prank(provider);
        market.markDelivered(id, keccak256("receipt"));
        vm.warp(block.timestamp + RELEASE_TIMEOUT);

        fund(attacker, 995_000e18);
        vm.startPrank(attacker);
        hub.stake(agent, 995_000e18);
        market.release(id);
        hub.requestUnstake(agent, 995_000e18);
        vm.stopPrank();

        assertEq(hub.pendingRewards(attacker, agent), 0, "just-in-time stake captured the stakers' share");
        // The honest staker, bonded throughout, earns the whole share as it streams.
        vm.warp(block.timestamp + 1 days);
        uint256 stakersShare = (100_000e18 - 5_000e18) * 1_000 / 10_000; // rune: 10 % of the rest
        uint256 afterCommission = stakersShare - stakersShare * 1_000 / 10_000;
        assertApproxEqAbs(hub.pendingRewards(staker, agent), afterCommission, 1e6);
    }

    /// The agent raises its commission from 10 % to 50 % just before a large reward.
    function test_attack_commissionRaiseBeforeRewardIsDelayed() public {
        vm.prank(agent);
        hub.setCommission(5_000);
        vm.prank(payer);
        hub.notifyReward(agent, 100_000e18);
        assertLe(_commissionAccrued(), 10_000e18 + 1e6, "the raised commission applied at once");
    }
}
