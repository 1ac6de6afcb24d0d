// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Market} from "../utils/Market.sol";
import {RevenueDistributor} from "../../src/market/RevenueDistributor.sol";
import {StakingHub} from "../../src/StakingHub.sol";
import {ComputroniumToken} from "../../src/ComputroniumToken.sol";

/// @dev Moves stake in and out (stake, unbond, withdraw after the shortest unbonding period, hand CTRN
/// to another actor), records activity, checks in, brings revenue and finalizes epochs (issue 19,
/// finding 5). Every call succeeds or returns early (fail_on_revert).
contract RevenueWeightHandler is Test {
    RevenueDistributor internal distributor;
    StakingHub internal hub;
    ComputroniumToken internal token;
    address[4] internal actors;
    address internal payer;
    mapping(uint256 epoch => mapping(uint8 category => uint256)) public ghostClaimed;
    uint256 public effectiveCalls;

    constructor(RevenueDistributor d, StakingHub h, ComputroniumToken t, address payer_) {
        distributor = d;
        hub = h;
        token = t;
        payer = payer_;
        for (uint256 i; i < 4; ++i) {
            actors[i] = address(uint160(0xB000 + i));
        }
    }

    function actor(uint256 i) external view returns (address) {
        return actors[i];
    }

    function stake(uint256 a, uint256 amount) external {
        address who = actors[a % 4];
        uint256 free = token.unlockedBalanceOf(who);
        if (free == 0) return;
        amount = bound(amount, 1, free);
        vm.prank(who);
        hub.stake(who, amount);
        ++effectiveCalls;
    }

    function unstake(uint256 a, uint256 amount) external {
        address who = actors[a % 4];
        (uint256 bonded,) = hub.stakeOf(who, who);
        if (bonded == 0) return;
        amount = bound(amount, 1, bonded);
        vm.prank(who);
        hub.requestUnstake(who, amount);
        ++effectiveCalls;
    }

    function withdraw(uint256 a) external {
        address who = actors[a % 4];
        (, uint256 unbondingShares, uint64 releaseAt,,,) = hub.positions(who, who);
        if (unbondingShares == 0) return;
        if (block.timestamp < releaseAt) vm.warp(releaseAt);
        vm.prank(who);
        hub.withdraw(who);
        ++effectiveCalls;
    }

    function transfer(uint256 a, uint256 b, uint256 amount) external {
        address from = actors[a % 4];
        uint256 free = token.unlockedBalanceOf(from);
        if (free == 0) return;
        amount = bound(amount, 1, free);
        vm.prank(from);
        token.transfer(actors[b % 4], amount);
    }

    function record(uint256 a, uint8 category, uint256 amount) external {
        distributor.recordActivity(category % 4, actors[a % 4], bound(amount, 1, 1_000e18));
        ++effectiveCalls;
    }

    function checkIn(uint256 a, uint8 category) external {
        address who = actors[a % 4];
        uint8 c = category % 4;
        (, uint256 activity) = distributor.weights(distributor.currentEpoch(), c, who);
        if (c != 3 && activity == 0) return;
        vm.prank(who);
        distributor.checkIn(c);
    }

    function revenue(uint256 amount) external {
        vm.prank(payer);
        distributor.notifyRevenue(bound(amount, 1, 10_000e18));
    }

    function wait(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 0, 2 days));
    }

    function finalize() external {
        if (block.timestamp < distributor.currentEpochEnd()) vm.warp(distributor.currentEpochEnd());
        distributor.finalizeEpoch();
        ++effectiveCalls;
    }

    function claim(uint256 epochSeed, uint8 category, uint256 a) external {
        uint256 current = distributor.currentEpoch();
        if (current == 0) return;
        uint256 epoch = epochSeed % current;
        uint8 c = category % 4;
        address who = actors[a % 4];
        if (distributor.claimable(epoch, c, who) == 0) return;
        vm.prank(who);
        ghostClaimed[epoch][c] += distributor.claim(epoch, c);
        ++effectiveCalls;
    }
}

/// forge-config: default.invariant.fail-on-revert = true
contract RevenueWeightInvariantTest is Market {
    RevenueWeightHandler internal handler;
    address internal payer = makeAddr("payer");

    function setUp() public {
        deployMarket();
        vm.prank(address(timelock));
        hub.setUnbondingPeriod(1 days); // the shortest: stake can leave and come back within an epoch
        fund(payer, 100_000_000e18);
        handler = new RevenueWeightHandler(distributor, hub, token, payer);
        vm.prank(payer);
        token.approve(address(distributor), type(uint256).max);
        bytes32 recorder = distributor.RECORDER_ROLE();
        vm.prank(address(timelock));
        distributor.grantRole(recorder, address(handler));
        for (uint256 i; i < 4; ++i) {
            fund(handler.actor(i), 10_000e18);
        }
        targetContract(address(handler));
    }

    /// A CTRN counts once per epoch: in every finalized epoch and category, the stake weights paid
    /// on sum to no more than the CTRN the actors held locked at the epoch's end, nor at its start.
    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    function invariant_ctrnCountsOncePerEpoch() public view {
        uint256 current = distributor.currentEpoch();
        for (uint256 e = current > 3 ? current - 3 : 0; e < current; ++e) {
            (uint64 start, uint64 end) = _startEnd(e);
            uint256 lockedAtStart;
            uint256 lockedAtEnd;
            for (uint256 i; i < 4; ++i) {
                lockedAtStart += token.lockedAt(handler.actor(i), start);
                lockedAtEnd += token.lockedAt(handler.actor(i), end - 1);
            }
            for (uint8 c; c < 4; ++c) {
                uint256 sum;
                for (uint256 i; i < 4; ++i) {
                    sum += distributor.stakeWeightOf(e, c, handler.actor(i));
                }
                assertLe(sum, lockedAtEnd, "stake weight above CTRN locked at the epoch's end");
                assertLe(sum, lockedAtStart, "stake weight above CTRN locked at the epoch's start");
            }
        }
    }

    /// Claims of an (epoch, category) never exceed its share of the epoch, and the books balance.
    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    function invariant_claimsWithinCategoryShare() public view {
        uint256 current = distributor.currentEpoch();
        for (uint256 e = current > 3 ? current - 3 : 0; e < current; ++e) {
            uint256 amount = _amount(e);
            uint16[4] memory s = distributor.epochShares(e);
            for (uint8 c; c < 4; ++c) {
                uint256 owed = handler.ghostClaimed(e, c);
                for (uint256 i; i < 4; ++i) {
                    owed += distributor.claimable(e, c, handler.actor(i));
                }
                assertLe(owed, amount * s[c] / 10_000, "a category paid more than its share");
            }
        }
        assertEq(
            distributor.totalReceived(),
            distributor.totalBurned() + distributor.totalClaimed() + distributor.openEpochFunds()
                + distributor.outstanding()
        );
        assertEq(token.balanceOf(address(distributor)), distributor.openEpochFunds() + distributor.outstanding());
    }

    function _startEnd(uint256 e) internal view returns (uint64 start, uint64 end) {
        (start, end,,,,,) = distributor.epochs(e);
    }

    function _amount(uint256 e) internal view returns (uint256 amount) {
        (,,,, amount,,) = distributor.epochs(e);
    }
}
