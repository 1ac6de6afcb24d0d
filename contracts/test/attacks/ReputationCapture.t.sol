// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {AttackBase} from "./AttackBase.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";
import {StakingHub} from "../../src/StakingHub.sol";
import {RevenueDistributor} from "../../src/market/RevenueDistributor.sol";

/// @dev Finding 1 (critical): REP for nothing, then governance capture through the weaker governors.
contract ReputationCaptureAttack is AttackBase {
    function setUp() public {
        deployMarket();
        fund(sybil, 1_000_000e18);
        vm.prank(sybil);
        token.approve(address(market), type(uint256).max);
    }

    function _selfSale(uint256 price, uint256 times) internal {
        uint256 id = list(Marketplace.Kind.Dataset, price);
        for (uint256 i; i < times; ++i) {
            vm.startPrank(sybil);
            uint256 pid = market.purchase(id, 1, price);
            market.confirm(pid);
            vm.stopPrank();
        }
    }

    /// A 10-wei sale to oneself pays no commission and must mint no REP.
    function test_attack_dustSelfSaleMintsNoReputation() public {
        _selfSale(10, 20);
        assertEq(rep.balanceOf(provider), 0, "REP minted without commission");
    }

    /// 100 CTRN of self-sales bought a MemberGovernor membership (10 REP) at once.
    function test_attack_selfSalesDoNotBuyMembership() public {
        earnedRep(alice, 50e18);
        age();
        _selfSale(10e18, 10);
        vm.roll(block.number + 1);
        uint256 id = proposeAs(
            member, alice, one(address(distributor), abi.encodeCall(RevenueDistributor.setBurnBps, (1_100)), "burn")
        );
        vm.roll(member.proposalSnapshot(id) + 1);
        vm.prank(provider);
        vm.expectRevert();
        member.castVote(id, 1);
    }

    /// Selling to one counterparty (one's own second address) mints at most a capped amount of REP.
    function test_attack_reputationCappedPerCounterparty() public {
        _selfSale(100_000e18, 5);
        assertLe(rep.balanceOf(provider), 100e18, "uncapped REP from one counterparty");
    }

    /// REP minted just before a proposal's snapshot has not aged: it does not vote.
    function test_attack_freshReputationDoesNotVote() public {
        earnedRep(alice, 50e18);
        age();
        earnedRep(attacker, 50e18);
        vm.roll(block.number + 1);
        uint256 id = proposeAs(
            member, alice, one(address(distributor), abi.encodeCall(RevenueDistributor.setBurnBps, (1_100)), "burn")
        );
        vm.roll(member.proposalSnapshot(id) + 1);
        vm.prank(attacker);
        vm.expectRevert();
        member.castVote(id, 1);
    }

    /// The member governor (REP members) cannot move the treasury.
    function test_attack_memberGovernorCannotMoveTreasury() public {
        earnedRep(alice, 50e18);
        age();
        Call memory c = treasuryGrant(attacker, 100_000_000e18, "drain");
        vm.prank(alice);
        vm.expectRevert();
        member.propose(c.targets, c.values, c.calldatas, c.description);
    }

    /// The quadratic governor cannot slash an agent.
    function test_attack_quadraticGovernorCannotSlash() public {
        fundAndDelegate(alice, 10_000_000e18);
        earnedRep(alice, 50e18);
        age();
        Call memory c = one(address(hub), abi.encodeCall(StakingHub.slash, (agent, 0.9e18)), "slash");
        vm.prank(alice);
        vm.expectRevert();
        quadratic.propose(c.targets, c.values, c.calldatas, c.description);
    }

    /// The weaker governors cannot grant roles (here: REP's minter role to the attacker).
    function test_attack_weakGovernorCannotGrantRoles() public {
        earnedRep(alice, 50e18);
        age();
        Call memory c = one(
            address(rep), abi.encodeCall(IAccessControl.grantRole, (rep.MINTER_ROLE(), attacker)), "grant"
        );
        vm.prank(alice);
        vm.expectRevert();
        member.propose(c.targets, c.values, c.calldatas, c.description);
        c = one(address(pool), abi.encodeCall(IAccessControl.grantRole, (pool.OPENER_ROLE(), attacker)), "grant2");
        vm.prank(alice);
        vm.expectRevert();
        member.propose(c.targets, c.values, c.calldatas, c.description);
    }

    /// Splitting CTRN and REP over ten addresses must not raise quadratic weight.
    function test_attack_sybilSplitGainsNoQuadraticWeight() public {
        address whale = makeAddr("whale");
        fundAndDelegate(whale, 1_000_000e18);
        earnedRep(whale, 100e18);
        address[10] memory parts;
        for (uint256 i; i < 10; ++i) {
            parts[i] = makeAddr(string(abi.encodePacked("part", i)));
            fundAndDelegate(parts[i], 100_000e18);
            earnedRep(parts[i], 10e18);
        }
        age();
        uint256 t = block.number - 1;
        uint256 split;
        for (uint256 i; i < 10; ++i) {
            split += quadratic.getVotes(parts[i], t);
        }
        assertLe(split, quadratic.getVotes(whale, t), "a sybil split gained quadratic weight");
    }

    function _unused(Governor) internal pure {}
}
