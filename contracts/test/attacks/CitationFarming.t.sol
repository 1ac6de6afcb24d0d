// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";

/// @dev Finding 4 (high): citation farming.
contract CitationFarmingAttack is AttackBase {
    function setUp() public {
        deployMarket();
        fundAndDelegate(alice, 50_000_000e18);
        fundAndDelegate(bob, 50_000_000e18);
        vm.roll(block.number + 1);
    }

    /// Every execution minted REP to its own proposer, cited or not.
    function test_attack_noRewardWithoutCitation() public {
        passAndExecute(governor, alice, treasuryGrant(alice, 1e18, "grant 1"));
        assertEq(rep.balanceOf(alice), 0, "REP for executing one's own proposal");
    }

    /// A proposer could cite its own proposals.
    function test_attack_cannotCiteOwnProposal() public {
        uint256 first = passAndExecute(governor, alice, treasuryGrant(alice, 1e18, "grant 1"));
        Call memory c = treasuryGrant(alice, 1e18, "grant 2");
        uint256[] memory cited = new uint256[](1);
        cited[0] = first;
        vm.prank(alice);
        vm.expectRevert();
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    /// A proposer could cite cancelled (or defeated) proposals.
    function test_attack_cannotCiteCancelledProposal() public {
        Call memory c = treasuryGrant(bob, 1e18, "bob's");
        uint256 id = proposeAs(governor, bob, c);
        vm.prank(bob);
        governor.cancel(c.targets, c.values, c.calldatas, keccak256(bytes(c.description)));
        Call memory c2 = treasuryGrant(alice, 1e18, "alice's");
        uint256[] memory cited = new uint256[](1);
        cited[0] = id;
        vm.prank(alice);
        vm.expectRevert();
        governor.proposeWithCitations(c2.targets, c2.values, c2.calldatas, c2.description, cited);
    }
}
