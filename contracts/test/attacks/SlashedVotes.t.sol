// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {AttackBase} from "./AttackBase.sol";
import {RevenueDistributor} from "../../src/market/RevenueDistributor.sol";

/// @dev Finding 8's open item, "slashed-but-unburned stake keeping votes": a slash is O(1) and its
/// burn reaches a staker's wallet (and its delegate's vote checkpoints) only when someone applies
/// it. Between the slash and its application the slashed staker voted with the forfeited tokens, in
/// the token and the quadratic governor, itself or through a delegate. Each test here failed on the
/// code before the fix.
contract SlashedVotesAttack is AttackBase {
    uint256 internal constant STAKE = 2_000_000e18;
    uint256 internal constant AFTER_SLASH = 1_000_000e18; // a slash of half

    function setUp() public {
        deployMarket();
        fundAndDelegate(alice, 1_000_000e18); // an honest proposer
        fundAndDelegate(attacker, STAKE);
        vm.prank(attacker);
        hub.stake(attacker, STAKE); // self-stake: all of its CTRN locked
        vm.roll(block.number + 1);
    }

    /// @dev The token governor's executed slash of half the attacker's stake (nobody applies it).
    function _slashAttacker() internal {
        vm.prank(address(timelock));
        hub.slash(attacker, 0.5e18);
        vm.roll(block.number + 1);
    }

    function _voteOnGrant() internal returns (uint256 id) {
        id = proposeAs(governor, alice, treasuryGrant(alice, 1e18, "grant"));
        vm.roll(governor.proposalSnapshot(id) + 1);
    }

    /// Slashed by half, application not run, the staker voted with its whole stake.
    function test_attack_slashedStakerVotesOnlyWhatIsLeft() public {
        _slashAttacker();
        uint256 id = _voteOnGrant();
        vm.prank(attacker);
        governor.castVote(id, 0);
        (uint256 against,,) = governor.proposalVotes(id);
        assertEq(against, AFTER_SLASH, "the forfeited half of the stake voted");
    }

    /// Applying the slash after the snapshot (so the burn is not in the snapshot's checkpoints) must
    /// not give the forfeited half its vote back.
    function test_attack_slashAppliedAfterSnapshotStillNetted() public {
        _slashAttacker();
        uint256 id = _voteOnGrant();
        hub.applySlash(attacker, attacker);
        assertEq(token.balanceOf(attacker), AFTER_SLASH);
        vm.prank(attacker);
        governor.castVote(id, 0);
        (uint256 against,,) = governor.proposalVotes(id);
        assertEq(against, AFTER_SLASH, "the burn after the snapshot let the forfeited half vote");
    }

    /// The staker had delegated to a friend: the friend voted with the locked stake, forfeited half
    /// included. Locked stake now votes only for its holder, net of the slash.
    function test_attack_delegateOfSlashedStakerVotesNothingForfeited() public {
        vm.prank(attacker);
        token.delegate(sybil);
        _slashAttacker();
        uint256 id = _voteOnGrant();
        uint256 t = governor.proposalSnapshot(id);
        assertEq(governor.getVotes(sybil, t), 0, "the delegate voted with locked stake");
        vm.prank(attacker);
        governor.castVote(id, 0);
        (uint256 against,,) = governor.proposalVotes(id);
        assertEq(against, AFTER_SLASH, "the forfeited half voted through the staker");
    }

    /// The quadratic governor weighs sqrt(CTRN votes x aged REP): the CTRN part is net of the slash.
    function test_attack_quadraticWeightNetOfSlash() public {
        earnedRep(attacker, 100e18);
        earnedRep(alice, 100e18);
        age();
        _slashAttacker();
        Call memory c =
            one(address(distributor), abi.encodeCall(RevenueDistributor.setBurnBps, (500)), "burn 5 %");
        uint256 id = proposeAs(quadratic, alice, c);
        vm.roll(quadratic.proposalSnapshot(id) + 1);
        vm.prank(attacker);
        quadratic.castVote(id, 0);
        (uint256 against,,) = quadratic.proposalVotes(id);
        assertEq(against, Math.sqrt(AFTER_SLASH * 100e18), "the forfeited half weighed in the square root");
    }

    /// A slash after the snapshot does not reach back: the stake was whole when the snapshot was taken.
    function test_slashAfterSnapshotDoesNotReachBack() public {
        uint256 id = _voteOnGrant();
        vm.prank(address(timelock));
        hub.slash(attacker, 0.5e18);
        hub.applySlash(attacker, attacker);
        vm.prank(attacker);
        governor.castVote(id, 0);
        (uint256 against,,) = governor.proposalVotes(id);
        assertEq(against, STAKE);
    }
}
