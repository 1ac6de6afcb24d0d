// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";

/// @dev Finding 5 (medium): revenue stake weight was the highest locked balance ever recorded in the
/// epoch, read when recorded. The same CTRN could be recorded by two accounts in one epoch, a stake
/// made in the epoch's last minute earned the whole epoch, and 1 wei of activity unlocked a
/// participant's whole stake in a non-community category.
contract RevenueWeightsAttack is AttackBase {
    address internal payer = makeAddr("payer");

    function setUp() public {
        deployMarket();
        fund(payer, 1_000_000e18);
        vm.prank(payer);
        token.approve(address(distributor), type(uint256).max);
        bytes32 recorder = distributor.RECORDER_ROLE();
        vm.prank(address(timelock));
        distributor.grantRole(recorder, address(this));
        // The attacker staked 5,000 CTRN to itself before the epoch began, as much as the honest staker.
        fund(attacker, 5_000e18);
        vm.prank(attacker);
        hub.stake(attacker, 5_000e18);
        // Governance chose the shortest unbonding period.
        vm.prank(address(timelock));
        hub.setUnbondingPeriod(1 days);
    }

    function _revenueAndFinalize() internal {
        vm.prank(payer);
        distributor.notifyRevenue(10_000e18);
        vm.warp(distributor.currentEpochEnd());
        distributor.finalizeEpoch();
    }

    function _communityStakePart() internal view returns (uint256) {
        uint256 community = distributor.outstanding() == 0 ? 0 : 9_000e18 * 1_000 / 10_000;
        return community - community * 3_000 / 10_000;
    }

    /// Check in, unbond, withdraw a day later, hand the CTRN to a sybil that stakes and checks in:
    /// the same 5,000 CTRN weighed twice, and the pair took 2/3 of the stake part instead of 1/2.
    function test_attack_stakeCountsOncePerEpoch() public {
        vm.prank(staker);
        distributor.checkIn(3);
        vm.prank(attacker);
        distributor.checkIn(3);
        vm.startPrank(attacker);
        hub.requestUnstake(attacker, 5_000e18);
        vm.warp(block.timestamp + 1 days);
        hub.withdraw(attacker);
        token.transfer(sybil, 5_000e18);
        vm.stopPrank();
        vm.startPrank(sybil);
        hub.stake(sybil, 5_000e18);
        distributor.checkIn(3);
        vm.stopPrank();
        _revenueAndFinalize();

        uint256 stakePart = _communityStakePart();
        uint256 pair = distributor.claimable(0, 3, attacker) + distributor.claimable(0, 3, sybil);
        // The attacker's 5,000 CTRN may earn at most what 5,000 CTRN held the whole epoch earns: half.
        assertLe(pair, stakePart / 2, "the same CTRN was paid twice");
        // The honest staker is never paid less than its pro-rata share of the CTRN held all epoch.
        assertGe(distributor.claimable(0, 3, staker), stakePart / 2 - 1);
    }

    /// Stake in the epoch's last minute and check in: earned as much as a whole epoch of stake.
    function test_attack_lastMinuteStakeEarnsNothing() public {
        vm.prank(staker);
        distributor.checkIn(3);
        vm.warp(distributor.currentEpochEnd() - 60);
        fund(sybil, 5_000e18);
        vm.startPrank(sybil);
        hub.stake(sybil, 5_000e18);
        distributor.checkIn(3);
        vm.stopPrank();
        _revenueAndFinalize();
        assertEq(distributor.claimable(0, 3, sybil), 0, "a last-minute stake earned the epoch");
    }

    /// 1 wei of activity in compute, then a check-in: the whole stake weighed in the category.
    function test_attack_dustActivityDoesNotUnlockStake() public {
        distributor.recordActivity(0, provider, 1_000e18); // an honest provider, no stake
        distributor.recordActivity(0, attacker, 1); // 1 wei of activity
        vm.prank(attacker);
        distributor.checkIn(0);
        _revenueAndFinalize();
        // Compute is 40 % of 9,000; 70 % of it goes by stake, and the attacker is the only staker there.
        uint256 paid = distributor.claimable(0, 0, attacker);
        assertLt(paid, 1e18, "1 wei of activity unlocked the whole stake weight");
    }
}
