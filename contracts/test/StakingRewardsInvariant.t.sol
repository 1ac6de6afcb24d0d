// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Protocol} from "./utils/Protocol.sol";
import {StakingHub} from "../src/StakingHub.sol";
import {ComputroniumToken} from "../src/ComputroniumToken.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @dev Stakers enter and leave one agent while rewards stream (issue 19, finding 6). The handler
/// keeps its own model of the stream: time passes only in `wait`, which credits each staker its
/// pro-rata part (by bonded shares, rounded up) of what the stream pays in that interval. Every
/// call succeeds or returns early (fail_on_revert).
contract StakingRewardsHandler is Protocol {
    StakingHub internal h;
    ComputroniumToken internal t;
    address internal payer;
    address public agentAddr;
    address[4] internal actors;

    /// @dev Entitlement since entry, CTRN scaled by 1e18, rounded up.
    mapping(address => uint256) public entitledScaled;
    mapping(address => uint256) public claimed;
    uint256 internal rate; // CTRN x 1e18 per second
    uint256 internal finishAt;
    uint256 public notifies;
    uint256 public claims;

    constructor(StakingHub h_, ComputroniumToken t_, address payer_, address agent_) {
        h = h_;
        t = t_;
        payer = payer_;
        agentAddr = agent_;
        for (uint256 i; i < 4; ++i) {
            actors[i] = address(uint160(0xC000 + i));
        }
    }

    function actor(uint256 i) external view returns (address) {
        return actors[i];
    }

    function stake(uint256 a, uint256 amount) external {
        address who = actors[a % 4];
        uint256 free = t.unlockedBalanceOf(who);
        if (free < 1e9) return;
        amount = bound(amount, 1e9, free);
        vm.prank(who);
        h.stake(agentAddr, amount);
    }

    function unstake(uint256 a, uint256 amount) external {
        address who = actors[a % 4];
        (uint256 bonded,) = h.stakeOf(who, agentAddr);
        if (bonded == 0) return;
        amount = bound(amount, 1, bonded);
        vm.prank(who);
        h.requestUnstake(agentAddr, amount);
    }

    function withdraw(uint256 a) external {
        address who = actors[a % 4];
        (, uint256 ushares, uint64 releaseAt,,,) = h.positions(who, agentAddr);
        if (ushares == 0 || block.timestamp < releaseAt) return;
        vm.prank(who);
        h.withdraw(agentAddr);
    }

    function notify(uint256 amount) external {
        (,,,,,, uint256 bondedShares,,,,) = h.agents(agentAddr);
        if (bondedShares == 0) return;
        amount = bound(amount, 1, 10_000e18);
        uint256 shared = amount - amount * h.commissionOf(agentAddr) / 10_000;
        uint256 left = block.timestamp < finishAt ? rate * (finishAt - block.timestamp) : 0;
        uint256 period = h.rewardPeriod();
        rate = (shared * 1e18 + left) / period;
        finishAt = block.timestamp + period;
        vm.prank(payer);
        h.notifyReward(agentAddr, amount);
        ++notifies;
    }

    function claim(uint256 a) external {
        address who = actors[a % 4];
        if (h.pendingRewards(who, agentAddr) == 0) return;
        vm.prank(who);
        claimed[who] += h.claim(agentAddr);
        ++claims;
    }

    function setCommission(uint16 bps) external {
        vm.prank(agentAddr);
        h.setCommission(uint16(bound(bps, 0, 5_000)));
    }

    function wait(uint256 secs) external {
        secs = bound(secs, 1, 2 days);
        uint256 from = block.timestamp;
        uint256 until = Math.min(from + secs, finishAt);
        if (until > from) {
            uint256 emitted = rate * (until - from);
            (,,,,,, uint256 bondedShares,,,,) = h.agents(agentAddr);
            if (bondedShares > 0) {
                for (uint256 i; i < 4; ++i) {
                    (uint256 shares,,,,,) = h.positions(actors[i], agentAddr);
                    if (shares > 0) {
                        entitledScaled[actors[i]] += Math.mulDiv(emitted, shares, bondedShares, Math.Rounding.Ceil);
                    }
                }
            }
        }
        vm.warp(from + secs);
    }
}

/// forge-config: default.invariant.fail-on-revert = true
contract StakingRewardsInvariantTest is Protocol {
    StakingRewardsHandler internal handler;
    address internal payer = makeAddr("payer");
    address internal agentAddr = makeAddr("agent");

    function setUp() public {
        deployProtocol();
        vm.prank(agentAddr);
        hub.registerAgent("agent", "", 1_000);
        handler = new StakingRewardsHandler(hub, token, payer, agentAddr);
        for (uint256 i; i < 4; ++i) {
            fund(handler.actor(i), 100_000e18);
        }
        fund(payer, 100_000_000e18);
        vm.prank(payer);
        token.approve(address(hub), type(uint256).max);
        targetContract(address(handler));
    }

    /// Each staker's claims (paid and pending) never exceed its pro-rata share, by bonded shares, of
    /// what the stream paid while it was bonded: stake that arrives just before a reward and leaves
    /// just after gets (almost) nothing, whatever the order of stake, reward, unbond and claim.
    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    function invariant_claimsWithinProRataShareSinceEntry() public view {
        for (uint256 i; i < 4; ++i) {
            address a = handler.actor(i);
            uint256 got = handler.claimed(a) + hub.pendingRewards(a, agentAddr);
            assertLe(got * 1e18, handler.entitledScaled(a) + 1e18, "a staker got more than its pro-rata share");
        }
    }

    /// The hub never owes more than it holds, and holds exactly what it received minus what it paid.
    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    function invariant_streamNeverOverpays() public view {
        assertEq(token.balanceOf(address(hub)), hub.totalRewardsReceived() - hub.totalRewardsPaid());
        (,,,,,,,,,, uint256 commission) = hub.agents(agentAddr);
        uint256 owed = commission;
        for (uint256 i; i < 4; ++i) {
            owed += hub.pendingRewards(handler.actor(i), agentAddr);
        }
        assertLe(owed, token.balanceOf(address(hub)), "owed <= held");
    }
}
