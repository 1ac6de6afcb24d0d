// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Market} from "../utils/Market.sol";
import {RevenueDistributor} from "../../src/market/RevenueDistributor.sol";

contract RevenueDistributorTest is Market {
    address internal payer = makeAddr("payer");
    address internal op1 = makeAddr("op1");
    address internal op2 = makeAddr("op2");

    function setUp() public {
        deployMarket();
        fund(payer, 1_000_000e18);
        vm.prank(payer);
        token.approve(address(distributor), type(uint256).max);
        bytes32 recorder = distributor.RECORDER_ROLE();
        vm.prank(address(timelock));
        distributor.grantRole(recorder, address(this));
    }

    function _revenue(uint256 amount) internal {
        vm.prank(payer);
        distributor.notifyRevenue(amount);
    }

    function _finalize() internal {
        vm.warp(distributor.currentEpochEnd());
        distributor.finalizeEpoch();
    }

    function test_notifyRevenue_burns() public {
        uint256 supply = token.totalSupply();
        _revenue(1_000e18);
        assertEq(distributor.totalBurned(), 100e18);
        assertEq(distributor.openEpochFunds(), 900e18);
        assertEq(token.totalSupply(), supply - 100e18);
    }

    function test_recordActivity_onlyRecorder() public {
        vm.prank(payer);
        vm.expectRevert();
        distributor.recordActivity(0, payer, 1);
    }

    function test_recordActivity_revertsOnBadCategory() public {
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.InvalidCategory.selector, 4));
        distributor.recordActivity(4, op1, 1);
    }

    function test_finalize_revertsEarly() public {
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.EpochNotOver.selector, distributor.currentEpochEnd()));
        distributor.finalizeEpoch();
    }

    function test_claim_hybridWeights() public {
        // op1: activity 300, stake 0; op2: activity 100, stake 5,000 (the staker checks in as community).
        distributor.recordActivity(0, op1, 300e18);
        distributor.recordActivity(0, staker, 100e18); // staker has 5,000 locked
        vm.prank(staker);
        distributor.checkIn(3);
        _revenue(10_000e18);
        uint256 funds = distributor.openEpochFunds();
        _finalize();

        uint256 compute = funds * 4_000 / 10_000;
        uint256 act = compute * 3_000 / 10_000;
        // op1: 3/4 of activity; staker: 1/4 of activity + all of stake.
        vm.prank(op1);
        assertEq(distributor.claim(0, 0), act * 3 / 4);
        vm.prank(staker);
        assertEq(distributor.claim(0, 0), act / 4 + (compute - act));
        vm.prank(staker);
        uint256 community = funds * 1_000 / 10_000;
        assertEq(distributor.claim(0, 3), community - community * 3_000 / 10_000);
        // Data and developer categories were empty: rolled over at finalization, with the community's activity part.
        assertEq(distributor.openEpochFunds(), funds - distributor.outstanding() - distributor.totalClaimed());
    }

    function test_finalize_rollsEmptyCategoriesOver() public {
        distributor.recordActivity(0, op1, 1e18); // compute has activity but no stake; others are empty
        _revenue(1_000e18);
        uint256 funds = distributor.openEpochFunds();
        _finalize();
        uint256 claimableAmount = funds * 4_000 / 10_000 * 3_000 / 10_000;
        assertEq(distributor.outstanding(), claimableAmount);
        assertEq(distributor.openEpochFunds(), funds - claimableAmount);
        assertEq(distributor.totalRolledOver(), funds - claimableAmount);
        vm.prank(op1);
        assertEq(distributor.claim(0, 0), claimableAmount);
    }

    function test_claim_onlyOnce() public {
        distributor.recordActivity(1, op1, 1e18);
        _revenue(1_000e18);
        _finalize();
        vm.startPrank(op1);
        distributor.claim(0, 1);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.AlreadyClaimed.selector, 0, 1, op1));
        distributor.claim(0, 1);
        vm.stopPrank();
    }

    function test_claim_revertsBeforeFinalization() public {
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.EpochNotFinalized.selector, 0));
        distributor.claim(0, 0);
    }

    function test_claim_revertsWithNothing() public {
        _revenue(1_000e18);
        _finalize();
        vm.expectRevert(RevenueDistributor.NothingToClaim.selector);
        distributor.claim(0, 0);
    }

    function test_checkIn_needsActivityOutsideCommunity() public {
        vm.prank(staker);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.NotActive.selector, 0, 0, staker));
        distributor.checkIn(0);
    }

    function test_rollOver_afterWindow() public {
        distributor.recordActivity(1, op1, 1e18);
        _revenue(1_000e18);
        _finalize();
        uint256 claimableTotal = distributor.outstanding();
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.ClaimWindowOpen.selector, 0));
        distributor.rollOver(0);
        for (uint256 i; i < 4; ++i) {
            _finalize();
        }
        assertEq(distributor.rollOver(0), claimableTotal);
        assertEq(distributor.outstanding(), 0);
        vm.prank(op1);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.ClaimWindowClosed.selector, 0));
        distributor.claim(0, 1);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.AlreadyRolledOver.selector, 0));
        distributor.rollOver(0);
    }

    function test_setShares_governanceOnly() public {
        uint16[4] memory s = [uint16(2_500), 2_500, 2_500, 2_500];
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.NotGovernance.selector, address(this)));
        distributor.setShares(s);
        vm.prank(address(timelock));
        distributor.setShares(s);
        assertEq(distributor.shares()[3], 2_500);
        s[0] = 2_501;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.InvalidShares.selector, 10_001));
        distributor.setShares(s);
    }

    function test_setParameters() public {
        vm.startPrank(address(timelock));
        distributor.setEpochLength(300);
        distributor.setBurnBps(2_000);
        distributor.setActivityBps(10_000);
        distributor.setClaimWindow(2);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.InvalidBps.selector, 5_001));
        distributor.setBurnBps(5_001);
        vm.expectRevert(abi.encodeWithSelector(RevenueDistributor.InvalidEpochLength.selector, 59));
        distributor.setEpochLength(59);
        vm.stopPrank();
        assertEq(distributor.epochLength(), 300);
    }

    /// Claim gas does not depend on the number of participants.
    function test_claimGas_10Participants() public {
        _claimGas(10);
    }

    function test_claimGas_1000Participants() public {
        _claimGas(1_000);
    }

    function _claimGas(uint256 n) internal {
        vm.pauseGasMetering();
        for (uint256 i = 1; i <= n; ++i) {
            distributor.recordActivity(2, address(uint160(0x10000 + i)), i * 1e18);
        }
        _revenue(1_000_000e18);
        _finalize();
        vm.resumeGasMetering();
        address last = address(uint160(0x10000 + n));
        vm.prank(last);
        uint256 g = gasleft();
        distributor.claim(0, 2);
        g -= gasleft();
        console_log(n, g);
        assertLe(g, 120_000); // 107,610 with 10 and with 1,000 participants (cold storage)
    }

    function console_log(uint256 n, uint256 g) internal view {
        // forge prints it with -vv
        _log("claim gas with participants", n, g);
    }

    function _log(string memory s, uint256 a, uint256 b) internal view {
        address c = 0x000000000000000000636F6e736F6c652e6c6f67;
        bytes memory payload = abi.encodeWithSignature("log(string,uint256,uint256)", s, a, b);
        assembly ("memory-safe") {
            pop(staticcall(gas(), c, add(payload, 32), mload(payload), 0, 0))
        }
    }

    /// Whatever the revenue and weights, claims never exceed what the epoch holds, and the books balance.
    function test_fuzz_accounting(uint256 revenue, uint256 a1, uint256 a2, uint8 cat) public {
        revenue = bound(revenue, 1, 1_000_000e18);
        a1 = bound(a1, 1, 1e30);
        a2 = bound(a2, 1, 1e30);
        cat = uint8(bound(cat, 0, 3));
        distributor.recordActivity(cat, op1, a1);
        distributor.recordActivity(cat, op2, a2);
        _revenue(revenue);
        _finalize();
        if (distributor.claimable(0, cat, op1) > 0) {
            vm.prank(op1);
            distributor.claim(0, cat);
        }
        if (distributor.claimable(0, cat, op2) > 0) {
            vm.prank(op2);
            distributor.claim(0, cat);
        }
        assertEq(
            distributor.totalReceived(),
            distributor.totalBurned() + distributor.totalClaimed() + distributor.openEpochFunds()
                + distributor.outstanding()
        );
        assertEq(token.balanceOf(address(distributor)), distributor.openEpochFunds() + distributor.outstanding());
    }
}
