// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Protocol} from "./utils/Protocol.sol";
import {console} from "./utils/Test.sol";
import {StakingHub} from "../src/StakingHub.sol";
import {ComputroniumToken} from "../src/ComputroniumToken.sol";

contract StakingHubTest is Protocol {
    address internal agent = makeAddr("agent");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal payer = makeAddr("payer");

    function setUp() public {
        deployProtocol();
        vm.prank(agent);
        hub.registerAgent("Agent Smith", "ipfs://agent", 1_000);
        fund(alice, 1_000e18);
        fund(bob, 1_000e18);
        fund(payer, 1_000_000e18);
        vm.prank(payer);
        token.approve(address(hub), type(uint256).max);
    }

    function _stake(address who, address to, uint256 amount) internal {
        vm.prank(who);
        hub.stake(to, amount);
    }

    /// @dev A reward, then its whole streaming period (issue 19, finding 6).
    function _reward(address to, uint256 amount) internal {
        vm.prank(payer);
        hub.notifyReward(to, amount);
        vm.warp(block.timestamp + hub.rewardPeriod());
    }

    function _slash(address a, uint256 fraction) internal {
        vm.prank(address(timelock));
        hub.slash(a, fraction);
    }

    // --- registerAgent / updateAgent / setCommission ----------------------------

    function test_registerAgent_recordsAgent() public {
        vm.expectEmit(address(hub));
        emit StakingHub.AgentRegistered(alice, "Alice", "ipfs://a", 500);
        vm.prank(alice);
        hub.registerAgent("Alice", "ipfs://a", 500);
        (bool registered, uint16 bps,, string memory name, string memory uri,,,,,,) = hub.agents(alice);
        assertTrue(registered);
        assertEq(bps, 500);
        assertEq(name, "Alice");
        assertEq(uri, "ipfs://a");
        assertEq(hub.agentCount(), 2);
    }

    function test_registerAgent_revertsTwice() public {
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.AgentAlreadyRegistered.selector, agent));
        hub.registerAgent("again", "", 0);
    }

    function test_registerAgent_revertsOnEmptyName() public {
        vm.prank(alice);
        vm.expectRevert(StakingHub.EmptyName.selector);
        hub.registerAgent("", "", 0);
    }

    function test_registerAgent_revertsOnCommissionTooHigh() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.CommissionTooHigh.selector, 5_001, 5_000));
        hub.registerAgent("Alice", "", 5_001);
    }

    function test_updateAgent_changesNameAndURI() public {
        vm.expectEmit(address(hub));
        emit StakingHub.AgentUpdated(agent, "Neo", "ipfs://neo");
        vm.prank(agent);
        hub.updateAgent("Neo", "ipfs://neo");
        (,,, string memory name, string memory uri,,,,,,) = hub.agents(agent);
        assertEq(name, "Neo");
        assertEq(uri, "ipfs://neo");
    }

    function test_updateAgent_revertsForUnregistered() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.AgentNotRegistered.selector, alice));
        hub.updateAgent("x", "");
    }

    function test_updateAgent_revertsOnEmptyName() public {
        vm.prank(agent);
        vm.expectRevert(StakingHub.EmptyName.selector);
        hub.updateAgent("", "");
    }

    function test_setCommission_changesCommission() public {
        // A decrease applies at once; an increase waits (test_setCommission_increaseWaits).
        vm.expectEmit(address(hub));
        emit StakingHub.CommissionChanged(agent, 1_000, 500);
        vm.prank(agent);
        hub.setCommission(500);
        (, uint16 bps,,,,,,,,,) = hub.agents(agent);
        assertEq(bps, 500);
    }

    function test_setCommission_revertsOnTooHigh() public {
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.CommissionTooHigh.selector, 6_000, 5_000));
        hub.setCommission(6_000);
    }

    function test_setCommission_revertsForUnregistered() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.AgentNotRegistered.selector, alice));
        hub.setCommission(1);
    }

    // --- stake --------------------------------------------------------------------------

    function test_stake_locksInPlaceAndKeepsVotes() public {
        vm.prank(alice);
        token.delegate(alice);
        vm.expectEmit(address(hub));
        emit StakingHub.Staked(alice, agent, 400e18, 400e18);
        _stake(alice, agent, 400e18);
        assertEq(token.balanceOf(alice), 1_000e18);
        assertEq(token.lockedOf(alice), 400e18);
        assertEq(token.getVotes(alice), 1_000e18);
        (uint256 bonded, uint256 unbonding) = hub.stakeOf(alice, agent);
        assertEq(bonded, 400e18);
        assertEq(unbonding, 0);
        assertEq(hub.totalBonded(), 400e18);
    }

    function test_stake_toSelfWithoutRegistration() public {
        _stake(alice, alice, 100e18);
        (uint256 bonded,) = hub.stakeOf(alice, alice);
        assertEq(bonded, 100e18);
    }

    function test_stake_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(StakingHub.ZeroAmount.selector);
        hub.stake(agent, 0);
    }

    function test_stake_revertsForUnregisteredAgent() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.AgentNotRegistered.selector, bob));
        hub.stake(bob, 1);
    }

    function test_stake_revertsBeyondUnlockedBalance() public {
        _stake(alice, agent, 800e18);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ComputroniumToken.TransferExceedsUnlocked.selector, alice, 200e18, 201e18)
        );
        hub.stake(agent, 201e18);
    }

    // --- requestUnstake / withdraw ---------------------------------------------------------

    function test_requestUnstake_thenWithdrawAfterUnbonding() public {
        _stake(alice, agent, 500e18);
        uint64 releaseAt = uint64(block.timestamp + hub.unbondingPeriod());
        vm.expectEmit(address(hub));
        emit StakingHub.UnstakeRequested(alice, agent, 200e18, releaseAt);
        vm.prank(alice);
        hub.requestUnstake(agent, 200e18);
        (uint256 bonded, uint256 unbonding) = hub.stakeOf(alice, agent);
        assertEq(bonded, 300e18);
        assertEq(unbonding, 200e18);
        assertEq(token.lockedOf(alice), 500e18);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.UnbondingNotFinished.selector, releaseAt));
        hub.withdraw(agent);

        vm.warp(releaseAt);
        vm.expectEmit(address(hub));
        emit StakingHub.Withdrawn(alice, agent, 200e18);
        vm.prank(alice);
        assertEq(hub.withdraw(agent), 200e18);
        assertEq(token.lockedOf(alice), 300e18);
        assertEq(hub.totalUnbonding(), 0);
    }

    function test_requestUnstake_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(StakingHub.ZeroAmount.selector);
        hub.requestUnstake(agent, 0);
    }

    function test_requestUnstake_revertsBeyondStake() public {
        _stake(alice, agent, 10e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InsufficientStake.selector, 10e18, 11e18));
        hub.requestUnstake(agent, 11e18);
    }

    function test_withdraw_revertsWithNothingUnbonding() public {
        vm.prank(alice);
        vm.expectRevert(StakingHub.NothingToWithdraw.selector);
        hub.withdraw(agent);
    }

    // --- rewards ---------------------------------------------------------------------------

    function test_notifyReward_sharesAfterCommission() public {
        _stake(alice, agent, 300e18);
        _stake(bob, agent, 100e18);
        vm.expectEmit(address(hub));
        emit StakingHub.RewardNotified(agent, payer, 100e18, 10e18);
        _reward(agent, 100e18);
        // Streamed: the accumulator's rounding leaves at most a few hundred wei in the hub.
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 67.5e18, 1_000);
        assertApproxEqAbs(hub.pendingRewards(bob, agent), 22.5e18, 1_000);
        assertLe(hub.pendingRewards(alice, agent), 67.5e18);

        uint256 pending = hub.pendingRewards(alice, agent);
        vm.expectEmit(address(hub));
        emit StakingHub.RewardClaimed(alice, agent, pending);
        vm.prank(alice);
        assertEq(hub.claim(agent), pending);
        assertEq(token.unlockedBalanceOf(alice), 700e18 + pending);

        vm.expectEmit(address(hub));
        emit StakingHub.CommissionClaimed(agent, 10e18);
        vm.prank(agent);
        assertEq(hub.claimCommission(), 10e18);
        assertEq(hub.totalRewardsPaid(), pending + 10e18);
        assertEq(hub.totalRewardsReceived(), 100e18);
    }

    function test_notifyReward_laterStakerGetsNoEarlierReward() public {
        _stake(alice, agent, 100e18);
        _reward(agent, 10e18);
        _stake(bob, agent, 100e18);
        assertEq(hub.pendingRewards(bob, agent), 0);
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 9e18, 1_000);
    }

    function test_notifyReward_revertsOnZero() public {
        vm.prank(payer);
        vm.expectRevert(StakingHub.ZeroAmount.selector);
        hub.notifyReward(agent, 0);
    }

    function test_notifyReward_revertsWithoutStakers() public {
        vm.prank(payer);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.NoStakers.selector, agent));
        hub.notifyReward(agent, 1);
    }

    function test_claim_revertsWithNothing() public {
        vm.prank(alice);
        vm.expectRevert(StakingHub.NothingToClaim.selector);
        hub.claim(agent);
    }

    function test_claimCommission_revertsWithNothing() public {
        vm.prank(agent);
        vm.expectRevert(StakingHub.NothingToClaim.selector);
        hub.claimCommission();
    }

    function test_unbondingStakeEarnsNoRewards() public {
        _stake(alice, agent, 100e18);
        _stake(bob, agent, 100e18);
        vm.prank(bob);
        hub.requestUnstake(agent, 100e18);
        _reward(agent, 10e18);
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 9e18, 1_000);
        assertEq(hub.pendingRewards(bob, agent), 0);
    }

    // --- streaming and commission changes (issue 19, finding 6) -------------------------------

    function test_notifyReward_streamsOverThePeriod() public {
        _stake(alice, agent, 100e18);
        vm.prank(payer);
        hub.notifyReward(agent, 100e18);
        assertEq(hub.pendingRewards(alice, agent), 0);
        vm.warp(block.timestamp + hub.rewardPeriod() / 4);
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 22.5e18, 1_000);
        vm.warp(block.timestamp + hub.rewardPeriod());
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 90e18, 1_000);
    }

    function test_notifyReward_addsWhatIsLeftToTheNewStream() public {
        _stake(alice, agent, 100e18);
        vm.startPrank(payer);
        hub.notifyReward(agent, 100e18);
        vm.warp(block.timestamp + hub.rewardPeriod() / 2);
        hub.notifyReward(agent, 100e18); // 45 left + 90 new, over a fresh period
        vm.stopPrank();
        (uint256 rate, uint64 finishAt,) = hub.rewardStreams(agent);
        assertEq(finishAt, block.timestamp + hub.rewardPeriod());
        assertApproxEqAbs(rate * hub.rewardPeriod() / 1e18, 135e18, 1e6);
        vm.warp(finishAt);
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 180e18, 2_000);
    }

    function test_stream_paysOnlyWhileBonded() public {
        _stake(alice, agent, 100e18);
        vm.prank(payer);
        hub.notifyReward(agent, 100e18);
        vm.warp(block.timestamp + hub.rewardPeriod() / 2);
        _stake(bob, agent, 100e18); // joins halfway: a quarter of the stream
        vm.warp(block.timestamp + hub.rewardPeriod());
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 67.5e18, 2_000);
        assertApproxEqAbs(hub.pendingRewards(bob, agent), 22.5e18, 2_000);
    }

    function test_stream_withoutStakersGoesToTheAgent() public {
        _stake(alice, agent, 100e18);
        vm.prank(payer);
        hub.notifyReward(agent, 100e18);
        vm.warp(block.timestamp + hub.rewardPeriod() / 2);
        vm.prank(alice);
        hub.requestUnstake(agent, 100e18);
        vm.warp(block.timestamp + hub.rewardPeriod());
        hub.applySlash(alice, agent); // any touch accounts the stream
        (,,,,,,,,,, uint256 commission) = hub.agents(agent);
        assertApproxEqAbs(commission, 10e18 + 45e18, 1e6);
        assertApproxEqAbs(hub.pendingRewards(alice, agent), 45e18, 1_000);
    }

    function test_setCommission_increaseWaits() public {
        vm.expectEmit(address(hub));
        emit StakingHub.CommissionIncreaseScheduled(
            agent, 1_000, 3_000, uint64(block.timestamp + hub.COMMISSION_INCREASE_DELAY())
        );
        vm.prank(agent);
        hub.setCommission(3_000);
        assertEq(hub.commissionOf(agent), 1_000);
        (, uint16 bps,,,,,,,,,) = hub.agents(agent);
        assertEq(bps, 1_000);
        vm.warp(block.timestamp + hub.COMMISSION_INCREASE_DELAY());
        assertEq(hub.commissionOf(agent), 3_000);
        vm.expectEmit(address(hub));
        emit StakingHub.CommissionChanged(agent, 1_000, 3_000);
        hub.applyCommission(agent);
        (, bps,,,,,,,,,) = hub.agents(agent);
        assertEq(bps, 3_000);
        (, uint64 effectiveAt) = hub.pendingCommissions(agent);
        assertEq(effectiveAt, 0);
    }

    function test_setCommission_decreaseAppliesAtOnceAndDropsAnIncrease() public {
        vm.startPrank(agent);
        hub.setCommission(4_000);
        hub.setCommission(500);
        vm.stopPrank();
        (, uint16 bps,,,,,,,,,) = hub.agents(agent);
        assertEq(bps, 500);
        vm.warp(block.timestamp + 30 days);
        assertEq(hub.commissionOf(agent), 500);
    }

    function test_notifyReward_appliesADueIncrease() public {
        _stake(alice, agent, 100e18);
        vm.prank(agent);
        hub.setCommission(2_000);
        vm.warp(block.timestamp + hub.COMMISSION_INCREASE_DELAY());
        vm.prank(payer);
        hub.notifyReward(agent, 100e18);
        (, uint16 bps,,,,,,,,, uint256 commission) = hub.agents(agent);
        assertEq(bps, 2_000);
        assertEq(commission, 20e18);
    }

    function test_setRewardPeriod_bounds() public {
        vm.expectRevert(abi.encodeWithSelector(StakingHub.NotGovernance.selector, address(this)));
        hub.setRewardPeriod(2 days);
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidRewardPeriod.selector, 59 minutes));
        hub.setRewardPeriod(59 minutes);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidRewardPeriod.selector, 31 days));
        hub.setRewardPeriod(31 days);
        hub.setRewardPeriod(2 days);
        vm.stopPrank();
        assertEq(hub.rewardPeriod(), 2 days);
    }

    // --- slashing -----------------------------------------------------------------------------

    function test_slash_appliesToAllStakersInO1() public {
        _stake(alice, agent, 400e18);
        _stake(bob, agent, 100e18);
        vm.prank(bob);
        hub.requestUnstake(agent, 50e18);

        vm.expectEmit(address(hub));
        emit StakingHub.AgentSlashed(agent, 0.1e18, 45e18, 5e18);
        _slash(agent, 0.1e18);
        (uint256 aliceBonded,) = hub.stakeOf(alice, agent);
        (uint256 bobBonded, uint256 bobUnbonding) = hub.stakeOf(bob, agent);
        assertEq(aliceBonded, 360e18);
        assertEq(bobBonded, 45e18);
        assertEq(bobUnbonding, 45e18);
        assertEq(hub.totalBonded(), 405e18);

        // The burn reaches the token lazily: applySlash (anyone) or the staker's next action.
        vm.expectEmit(address(hub));
        emit StakingHub.SlashApplied(alice, agent, 40e18);
        hub.applySlash(alice, agent);
        assertEq(token.balanceOf(alice), 960e18);
        assertEq(token.lockedOf(alice), 360e18);

        vm.warp(block.timestamp + hub.unbondingPeriod());
        vm.prank(bob);
        assertEq(hub.withdraw(agent), 45e18);
        assertEq(token.balanceOf(bob), 990e18);
        assertEq(token.lockedOf(bob), 45e18);
    }

    function test_applySlashes_burnsForEveryHolder() public {
        vm.prank(alice);
        token.delegate(alice);
        _stake(alice, agent, 400e18);
        _stake(bob, agent, 100e18);
        _slash(agent, 0.25e18);
        assertEq(token.balanceOf(alice), 1_000e18); // not yet burned...
        assertEq(token.getVotes(alice), 900e18); // ...but the forfeited 100 no longer votes (issue 19)
        address[] memory holders = new address[](2);
        holders[0] = alice;
        holders[1] = bob;
        hub.applySlashes(agent, holders);
        assertEq(token.balanceOf(alice), 900e18);
        assertEq(token.balanceOf(bob), 975e18);
        assertEq(token.getVotes(alice), 900e18);
        hub.applySlashes(agent, holders); // idempotent
        assertEq(token.balanceOf(alice), 900e18);
    }

    // --- unappliedSlashAt (issue 19: slashed-but-unburned stake keeps no votes) -------------

    function test_unappliedSlashAt_zeroWithoutSlash() public {
        _stake(alice, agent, 400e18);
        vm.roll(block.number + 1);
        assertEq(hub.unappliedSlashAt(alice, block.number - 1), 0);
        assertEq(hub.unappliedSlashAt(bob, block.number), 0);
    }

    function test_unappliedSlashAt_untilApplied() public {
        _stake(alice, agent, 400e18);
        vm.roll(block.number + 1);
        _slash(agent, 0.25e18);
        uint256 slashedAt = block.number;
        assertEq(hub.unappliedSlashAt(alice, slashedAt - 1), 0, "before the slash");
        assertEq(hub.unappliedSlashAt(alice, slashedAt), 100e18, "at the slash");
        assertEq(token.getVotes(alice), 300e18, "votes net of the slash");
        vm.roll(block.number + 5);
        hub.applySlash(alice, agent);
        assertEq(hub.unappliedSlashAt(alice, block.number), 0, "applied");
        assertEq(token.getVotes(alice), 300e18, "burned now");
        // The past stays as it was: the burn came later than these blocks.
        assertEq(hub.unappliedSlashAt(alice, slashedAt + 1), 100e18);
        assertEq(token.getPastVotes(alice, slashedAt + 1), 300e18);
        assertEq(token.getPastVotes(alice, slashedAt - 1), 400e18);
    }

    function test_unappliedSlashAt_unbondingAndSeveralAgents() public {
        vm.prank(bob);
        hub.registerAgent("Bob", "", 0);
        _stake(alice, agent, 400e18);
        _stake(alice, bob, 200e18);
        _stake(alice, alice, 100e18);
        vm.prank(alice);
        hub.requestUnstake(agent, 100e18);
        _slash(agent, 0.5e18); // 150 bonded + 50 unbonding
        _slash(bob, 0.1e18); // 20
        _slash(bob, 0.5e18); // 90 more, in the same block
        vm.roll(block.number + 1);
        assertEq(hub.unappliedSlashAt(alice, block.number - 1), 310e18);
        assertEq(token.getVotes(alice), 700e18 - 310e18);
        hub.applySlash(alice, bob);
        assertEq(hub.unappliedSlashAt(alice, block.number), 200e18);
        vm.warp(block.timestamp + hub.unbondingPeriod());
        vm.prank(alice);
        assertEq(hub.withdraw(agent), 50e18);
        assertEq(hub.unappliedSlashAt(alice, block.number), 0);
        assertEq(token.getVotes(alice), token.lockedOf(alice));
        assertEq(token.lockedOf(alice), 150e18 + 90e18 + 100e18);
    }

    /// A slash between a position's settlements in one block: the later settlement sees it.
    function test_unappliedSlashAt_settledBetweenTwoSlashesOfOneBlock() public {
        _stake(alice, agent, 400e18);
        _slash(agent, 0.5e18);
        hub.applySlash(alice, agent); // 200 left
        _slash(agent, 0.5e18);
        assertEq(hub.unappliedSlashAt(alice, block.number), 100e18);
        vm.roll(block.number + 1);
        assertEq(hub.unappliedSlashAt(alice, block.number - 1), 100e18);
    }

    /// Only a holder's own stake adds an agent to what its votes are checked against.
    function test_unappliedSlashAt_othersCannotAddAgents() public {
        for (uint256 i; i < 5; ++i) {
            hub.applySlash(bob, makeAddr(string(abi.encodePacked("nobody", i))));
        }
        _stake(bob, agent, 1e18);
        _stake(alice, agent, 1e18);
        hub.unappliedSlashAt(alice, block.number); // warms the agent's slash history
        uint256 g = gasleft();
        hub.unappliedSlashAt(alice, block.number);
        uint256 one = g - gasleft();
        g = gasleft();
        hub.unappliedSlashAt(bob, block.number);
        assertApproxEqAbs(g - gasleft(), one, 200); // applySlash by others did not grow the list
    }

    function test_slash_newStakeAfterSlashIsNotDiluted() public {
        _stake(alice, agent, 100e18);
        _slash(agent, 0.5e18);
        _stake(bob, agent, 100e18);
        (uint256 bobBonded,) = hub.stakeOf(bob, agent);
        assertEq(bobBonded, 100e18);
        (uint256 aliceBonded,) = hub.stakeOf(alice, agent);
        assertEq(aliceBonded, 50e18);
    }

    function test_slash_revertsForNonGovernance() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.NotGovernance.selector, alice));
        hub.slash(agent, 1);
    }

    function test_slash_revertsOnInvalidFraction() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidSlashFraction.selector, 0));
        hub.slash(agent, 0);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidSlashFraction.selector, 1e18));
        hub.slash(agent, 1e18);
        // At most half in one slash (issue 19, finding 7).
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidSlashFraction.selector, 0.5e18 + 1));
        hub.slash(agent, 0.5e18 + 1);
        hub.slash(agent, 0.5e18);
        vm.stopPrank();
    }

    // --- elected set and parameters --------------------------------------------------------------

    function test_electedAgents_topNByStake() public {
        address[5] memory as_;
        for (uint256 i; i < 5; ++i) {
            as_[i] = makeAddr(string(abi.encodePacked("a", bytes1(uint8(48 + i)))));
            vm.prank(as_[i]);
            hub.registerAgent("a", "", 0);
            fund(as_[i], 100e18);
            _stake(as_[i], as_[i], (i + 1) * 10e18); // a4 largest
        }
        vm.prank(address(timelock));
        hub.setElectedCount(3);
        address[] memory elected = hub.electedAgents();
        assertEq(elected.length, 3);
        assertEq(elected[0], as_[4]);
        assertEq(elected[1], as_[3]);
        assertEq(elected[2], as_[2]);
    }

    /// @dev The former algorithm (insertion into a sorted top-N array), the reference.
    function _referenceElected(uint256 n) internal view returns (address[] memory elected) {
        address[] memory top = new address[](n);
        uint256[] memory stakes = new uint256[](n);
        uint256 size;
        uint256 count = hub.agentCount();
        for (uint256 i; i < count; ++i) {
            address a = hub.agentList(i);
            (,,,,, uint256 s,,,,,) = hub.agents(a);
            if (s == 0) continue;
            if (size == n && s <= stakes[n - 1]) continue;
            uint256 j = size < n ? size++ : n - 1;
            while (j > 0 && stakes[j - 1] < s) {
                top[j] = top[j - 1];
                stakes[j] = stakes[j - 1];
                --j;
            }
            top[j] = a;
            stakes[j] = s;
        }
        elected = new address[](size);
        for (uint256 i; i < size; ++i) {
            elected[i] = top[i];
        }
    }

    /// The heap selection (issue 19, finding 8) elects exactly what the former O(agents x N) scan
    /// did, ties (earlier registration first) and unstaked agents included.
    function testFuzz_electedAgents_matchesReference(uint256 seed, uint8 agentsRaw, uint8 nRaw) public {
        uint256 count = bound(agentsRaw, 0, 40);
        uint256 n = bound(nRaw, 1, 12);
        vm.prank(address(timelock));
        hub.setElectedCount(n);
        for (uint256 i; i < count; ++i) {
            address a = address(uint160(0xA000 + i));
            vm.prank(a);
            hub.registerAgent("a", "", 0);
            // Few distinct amounts, so ties are common; some agents stay unstaked.
            uint256 amount = uint256(keccak256(abi.encode(seed, i))) % 6;
            if (amount == 0) continue;
            fund(a, amount * 1e18);
            _stake(a, a, amount * 1e18);
        }
        address[] memory got = hub.electedAgents();
        address[] memory want = _referenceElected(n);
        assertEq(got.length, want.length);
        for (uint256 i; i < got.length; ++i) {
            assertEq(got[i], want[i]);
        }
    }

    /// A registry of 300 staked agents (registration is free): the view stays well within an
    /// eth_call's gas with the largest elected set.
    function test_electedAgents_largeRegistryGas() public {
        uint256 maxElected = hub.MAX_ELECTED();
        vm.prank(address(timelock));
        hub.setElectedCount(maxElected);
        for (uint256 i; i < 300; ++i) {
            address a = address(uint160(0xB000 + i));
            vm.prank(a);
            hub.registerAgent("a", "", 0);
            fund(a, 2e18);
            _stake(a, a, 1e18 + (i * 7919) % 300);
        }
        uint256 gasBefore = gasleft();
        address[] memory elected = hub.electedAgents();
        uint256 used = gasBefore - gasleft();
        console.log("electedAgents gas, 300 agents, N = 101:", used);
        assertEq(elected.length, 101);
        assertLt(used, 3_000_000);
    }

    function test_electedAgents_skipsAgentsWithoutStake() public view {
        assertEq(hub.electedAgents().length, 0);
        assertEq(hub.electedCount(), 21);
    }

    function test_setElectedCount_revertsOnInvalid() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidElectedCount.selector, 0));
        hub.setElectedCount(0);
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidElectedCount.selector, 102));
        hub.setElectedCount(102);
        vm.stopPrank();
    }

    function test_setElectedCount_revertsForNonGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(StakingHub.NotGovernance.selector, address(this)));
        hub.setElectedCount(5);
    }

    function test_setUnbondingPeriod_changesPeriod() public {
        vm.expectEmit(address(hub));
        emit StakingHub.UnbondingPeriodChanged(7 days, 1 days);
        vm.prank(address(timelock));
        hub.setUnbondingPeriod(1 days);
        assertEq(hub.unbondingPeriod(), 1 days);
    }

    function test_setUnbondingPeriod_revertsOnTooLong() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(StakingHub.InvalidUnbondingPeriod.selector, 61 days));
        hub.setUnbondingPeriod(61 days);
    }

    function test_setUnbondingPeriod_revertsForNonGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(StakingHub.NotGovernance.selector, address(this)));
        hub.setUnbondingPeriod(1);
    }

    function test_constructor_revertsOnZero() public {
        vm.expectRevert(StakingHub.ZeroAddress.selector);
        new StakingHub(token, address(0));
    }

    // --- claim is O(1) ---------------------------------------------------------------------------

    function _claimGasWithStakers(uint256 n) internal returns (uint256 used) {
        for (uint256 i; i < n; ++i) {
            address s = address(uint160(0x100000 + i));
            fund(s, 10e18);
            _stake(s, agent, 10e18);
        }
        // A claimer funded in this same transaction in both cases, so its storage is equally warm.
        address claimer = address(uint160(0x900000 + n));
        fund(claimer, 10e18);
        _stake(claimer, agent, 10e18);
        _reward(agent, 1_000e18);
        // One earlier claim, so both measured claims see the same non-zero storage (no 0 -> x SSTOREs).
        vm.prank(address(uint160(0x100000)));
        hub.claim(agent);
        vm.prank(claimer);
        uint256 before = gasleft();
        hub.claim(agent);
        used = before - gasleft();
    }

    function test_claim_gasIndependentOfStakerCount() public {
        uint256 with10 = _claimGasWithStakers(10);
        // Fresh agent for the 1,000 stakers case.
        address other = makeAddr("other");
        vm.prank(other);
        hub.registerAgent("Other", "", 1_000);
        agent = other;
        uint256 with1000 = _claimGasWithStakers(1_000);
        console.log("claim gas, 10 vs 1000 stakers", with10, with1000);
        assertApproxEqRel(with1000, with10, 0.05e18, "claim gas must not grow with stakers");
    }

    // --- fuzz -------------------------------------------------------------------------------------

    function test_fuzz_rewardsSplitProRata(uint256 a, uint256 b, uint256 reward) public {
        a = bound(a, 1e9, 1_000e18);
        b = bound(b, 1e9, 1_000e18);
        reward = bound(reward, 1, 1_000_000e18);
        _stake(alice, agent, a);
        _stake(bob, agent, b);
        _reward(agent, reward);
        uint256 pa = hub.pendingRewards(alice, agent);
        uint256 pb = hub.pendingRewards(bob, agent);
        (,,,,,,,,,, uint256 commission) = hub.agents(agent);
        uint256 shared = reward - reward * 1_000 / 10_000;
        // Nothing is created, nothing stranded (beyond accumulator rounding of a wei or two).
        assertLe(pa + pb + commission, reward);
        // Streaming: the accumulator rounds per bonded share, at most (a + b) / 1e18 wei.
        assertApproxEqAbs(pa + pb + commission, reward, (a + b) / 1e18 + 3);
        // Each staker gets its pro-rata part, up to the accumulator's resolution.
        assertApproxEqAbs(pa, shared * a / (a + b), a / 1e18 + 2);
        assertApproxEqAbs(pb, shared * b / (a + b), b / 1e18 + 2);
    }

    function test_fuzz_stakeUnstakeWithdrawRoundTrip(uint256 amount, uint256 part) public {
        amount = bound(amount, 1, 1_000e18);
        part = bound(part, 1, amount);
        _stake(alice, agent, amount);
        vm.prank(alice);
        hub.requestUnstake(agent, part);
        vm.warp(block.timestamp + hub.unbondingPeriod());
        vm.prank(alice);
        hub.withdraw(agent);
        assertEq(token.lockedOf(alice), amount - part);
        assertEq(token.balanceOf(alice), 1_000e18);
        (uint256 bonded,) = hub.stakeOf(alice, agent);
        assertEq(bonded, amount - part);
    }

    /// The forfeit the token nets out of votes is what {stakeOf} says a slash has taken and is not yet
    /// burned, to rounding wei, over stake, unbonding, slashes and partial application.
    function test_fuzz_unappliedSlashMatchesStakeValue(uint256 a, uint256 b, uint256 f1, uint256 f2, bool applied)
        public
    {
        a = bound(a, 1e18, 1_000e18);
        b = bound(b, 0, a - 1);
        f1 = bound(f1, 1, 0.5e18);
        f2 = bound(f2, 1, 0.5e18);
        vm.prank(alice);
        token.delegate(alice);
        _stake(alice, agent, a);
        _stake(bob, agent, 1e18);
        if (b > 0) {
            vm.prank(alice);
            hub.requestUnstake(agent, b);
        }
        vm.roll(block.number + 1);
        _slash(agent, f1);
        vm.roll(block.number + 1);
        if (applied) hub.applySlash(alice, agent);
        _slash(agent, f2);
        vm.roll(block.number + 1);
        (uint256 bonded, uint256 unbonding) = hub.stakeOf(alice, agent);
        uint256 locked = token.lockedOf(alice);
        uint256 forfeited = hub.unappliedSlashAt(alice, block.number - 1);
        assertApproxEqAbs(forfeited, locked - bonded - unbonding, 4);
        assertEq(token.getPastVotes(alice, block.number - 1), token.balanceOf(alice) - forfeited, "votes");
    }

    function test_fuzz_slashNeverBurnsMoreThanFraction(uint256 amount, uint256 fraction) public {
        amount = bound(amount, 1, 1_000e18);
        fraction = bound(fraction, 1, hub.MAX_SLASH_FRACTION());
        _stake(alice, agent, amount);
        _slash(agent, fraction);
        hub.applySlash(alice, agent);
        uint256 burned = 1_000e18 - token.balanceOf(alice);
        assertLe(burned, amount * fraction / 1e18 + 1);
        assertGe(token.balanceOf(alice), token.lockedOf(alice));
    }
}

/// @dev Random staking traffic over a few holders and agents; records nothing the hub does not.
contract StakingHandler is Protocol {
    StakingHub internal h;
    ComputroniumToken internal t;
    address internal gov;
    address internal payer;
    address[] public actors;
    address[] public agentsList;

    constructor(
        StakingHub h_,
        ComputroniumToken t_,
        address gov_,
        address payer_,
        address[] memory actors_,
        address[] memory agents_
    ) {
        h = h_;
        t = t_;
        gov = gov_;
        payer = payer_;
        actors = actors_;
        agentsList = agents_;
    }

    function _actor(uint256 i) internal view returns (address) {
        return actors[i % actors.length];
    }

    function _agent(uint256 i, address actor) internal view returns (address) {
        i %= agentsList.length + 1;
        return i == agentsList.length ? actor : agentsList[i];
    }

    function stake(uint256 a, uint256 g, uint256 amount) external {
        address actor = _actor(a);
        uint256 free = t.unlockedBalanceOf(actor);
        if (free == 0) return;
        amount = bound(amount, 1, free);
        vm.prank(actor);
        try h.stake(_agent(g, actor), amount) {} catch {}
    }

    function requestUnstake(uint256 a, uint256 g, uint256 amount) external {
        address actor = _actor(a);
        address agent = _agent(g, actor);
        (uint256 bonded,) = h.stakeOf(actor, agent);
        if (bonded == 0) return;
        amount = bound(amount, 1, bonded);
        vm.prank(actor);
        try h.requestUnstake(agent, amount) {} catch {}
    }

    function withdraw(uint256 a, uint256 g) external {
        vm.warp(block.timestamp + 7 days);
        vm.roll(block.number + 1); // slash and position histories are by block
        address actor = _actor(a);
        vm.prank(actor);
        try h.withdraw(_agent(g, actor)) {} catch {}
    }

    function notifyReward(uint256 g, uint256 amount) external {
        address agent = _agent(g, actors[0]);
        amount = bound(amount, 1, 1_000e18);
        vm.prank(payer);
        try h.notifyReward(agent, amount) {} catch {}
    }

    function claim(uint256 a, uint256 g) external {
        address actor = _actor(a);
        vm.prank(actor);
        try h.claim(_agent(g, actor)) {} catch {}
    }

    function claimCommission(uint256 g) external {
        vm.prank(agentsList[g % agentsList.length]);
        try h.claimCommission() {} catch {}
    }

    function slash(uint256 g, uint256 fraction) external {
        fraction = bound(fraction, 1, 0.5e18);
        vm.prank(gov);
        h.slash(_agent(g, actors[0]), fraction);
    }

    function applySlash(uint256 a, uint256 g) external {
        address actor = _actor(a);
        h.applySlash(actor, _agent(g, actor));
    }
}

contract StakingHubInvariantTest is Protocol {
    StakingHandler internal handler;
    address[] internal actors;
    address[] internal agentAddrs;
    address internal payer = makeAddr("payer");

    function setUp() public {
        deployProtocol();
        for (uint256 i; i < 3; ++i) {
            address g = makeAddr(string(abi.encodePacked("agent", bytes1(uint8(48 + i)))));
            vm.prank(g);
            hub.registerAgent("agent", "", uint16(i * 1_000));
            agentAddrs.push(g);
        }
        for (uint256 i; i < 4; ++i) {
            address a = makeAddr(string(abi.encodePacked("actor", bytes1(uint8(48 + i)))));
            fund(a, 10_000e18);
            actors.push(a);
        }
        fund(payer, 10_000_000e18);
        vm.prank(payer);
        token.approve(address(hub), type(uint256).max);
        handler = new StakingHandler(hub, token, address(timelock), payer, actors, agentAddrs);
        targetContract(address(handler));
    }

    function _allAgents() internal view returns (address[] memory all) {
        all = new address[](agentAddrs.length + actors.length);
        for (uint256 i; i < agentAddrs.length; ++i) {
            all[i] = agentAddrs[i];
        }
        for (uint256 i; i < actors.length; ++i) {
            all[agentAddrs.length + i] = actors[i];
        }
    }

    /// The hub's totals equal the sum of the agents' pools, and each pool's shares the sum of its stakers' shares.
    function invariant_hubTotalsEqualSumOfStakes() public view {
        address[] memory all = _allAgents();
        uint256 bonded;
        uint256 unbonding;
        for (uint256 g; g < all.length; ++g) {
            (,,,,, uint256 bStake, uint256 bShares, uint256 uStake, uint256 uShares,,) = hub.agents(all[g]);
            bonded += bStake;
            unbonding += uStake;
            uint256 sumShares;
            uint256 sumUShares;
            for (uint256 a; a < actors.length; ++a) {
                (uint256 shares, uint256 ushares,,,,) = hub.positions(actors[a], all[g]);
                sumShares += shares;
                sumUShares += ushares;
            }
            assertEq(sumShares, bShares, "bonded shares");
            assertEq(sumUShares, uShares, "unbonding shares");
        }
        assertEq(hub.totalBonded(), bonded, "totalBonded");
        assertEq(hub.totalUnbonding(), unbonding, "totalUnbonding");
    }

    /// Locked CTRN is what the positions hold, never more than the balance.
    function invariant_lockedEqualsPrincipalAndFitsBalance() public view {
        address[] memory all = _allAgents();
        for (uint256 a; a < actors.length; ++a) {
            uint256 principal;
            for (uint256 g; g < all.length; ++g) {
                (,,, uint256 p,,) = hub.positions(actors[a], all[g]);
                principal += p;
            }
            assertEq(token.lockedOf(actors[a]), principal, "locked == principal");
            assertLe(token.lockedOf(actors[a]), token.balanceOf(actors[a]), "locked <= balance");
        }
    }

    /// Votes never count slashed, unburned stake (issue 19): an actor's votes (its own locked stake;
    /// the actors delegate nothing) are its locked CTRN less the hub's unapplied slash, and that is what
    /// its positions are worth, to rounding wei.
    function invariant_votesNetOfUnburnedSlashes() public view {
        address[] memory all = _allAgents();
        for (uint256 a; a < actors.length; ++a) {
            uint256 locked = token.lockedOf(actors[a]);
            uint256 forfeited = hub.unappliedSlashAt(actors[a], block.number);
            assertEq(token.getVotes(actors[a]), locked - forfeited, "votes == locked - unapplied slash");
            uint256 value;
            for (uint256 g; g < all.length; ++g) {
                (uint256 bonded, uint256 unbonding) = hub.stakeOf(actors[a], all[g]);
                value += bonded + unbonding;
            }
            assertApproxEqAbs(locked - forfeited, value, 1e6);
        }
    }

    /// Rewards paid never exceed rewards received, and the hub holds exactly the difference.
    function invariant_rewardsPaidNeverExceedReceived() public view {
        assertLe(hub.totalRewardsPaid(), hub.totalRewardsReceived());
        assertEq(token.balanceOf(address(hub)), hub.totalRewardsReceived() - hub.totalRewardsPaid());
        address[] memory all = _allAgents();
        uint256 owed;
        for (uint256 g; g < all.length; ++g) {
            (,,,,,,,,,, uint256 commission) = hub.agents(all[g]);
            owed += commission;
            for (uint256 a; a < actors.length; ++a) {
                owed += hub.pendingRewards(actors[a], all[g]);
            }
        }
        assertLe(owed, token.balanceOf(address(hub)), "owed <= held");
    }
}
