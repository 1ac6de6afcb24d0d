// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {GovernanceBase} from "../utils/GovernanceBase.sol";
import {GovernorCitations} from "../../src/governance/GovernorCitations.sol";
import {GovernorSupermajority} from "../../src/governance/GovernorSupermajority.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {TokenGovernor} from "../../src/governance/TokenGovernor.sol";
import {GovernorConfig} from "../../src/governance/GovernorConfig.sol";

contract TokenGovernorTest is GovernanceBase {
    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    function setUp() public {
        deployProtocol();
        fundAndDelegate(alice, 36_000_000e18);
        fundAndDelegate(bob, 20_000_000e18);
        fundAndDelegate(carol, 8_000_000e18);
        fundAndDelegate(dave, 500e18); // below the proposal threshold
        vm.roll(block.number + 1);
    }

    // --- the full lifecycle through the timelock ----------------------------------------

    function test_lifecycle_movesTreasuryCTRN() public {
        Proposal memory p = treasuryTransfer(recipient, 1_000_000e18, "Fund the devnet faucet");
        uint256 id = propose(governor, alice, p);
        assertState(governor, id, IGovernor.ProposalState.Pending);
        assertEq(governor.proposalSnapshot(id), block.number + VOTING_DELAY);

        toVoting(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Active);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, AGAINST);
        vote(governor, id, carol, FOR);
        (uint256 against, uint256 for_, uint256 abstain) = governor.proposalVotes(id);
        assertEq(for_, 44_000_000e18);
        assertEq(against, 20_000_000e18);
        assertEq(abstain, 0);

        toEnd(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Succeeded);
        queue(governor, p);
        assertState(governor, id, IGovernor.ProposalState.Queued);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        execute(governor, p);
        assertState(governor, id, IGovernor.ProposalState.Executed);

        assertEq(token.balanceOf(recipient), 1_000_000e18);
        assertEq(token.balanceOf(address(timelock)), TREASURY_AMOUNT - 1_000_000e18);
        // No citations: no REP (authors are paid only when others cite their executed work).
        assertEq(rep.balanceOf(alice), 0);
        assertEq(governor.totalCitationRewardsMinted(), 0);
    }

    function test_quorum_isFractionOfSupply() public view {
        assertEq(governor.quorum(block.number - 1), SUPPLY * 4 / 100);
    }

    function test_defeated_withoutQuorum() public {
        Proposal memory p = treasuryTransfer(recipient, 1, "small");
        uint256 id = propose(governor, carol, p);
        toVoting(governor, id);
        vote(governor, id, carol, FOR); // 8M < 40M quorum
        toEnd(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Defeated);
    }

    function test_propose_revertsBelowThreshold() public {
        Proposal memory p = treasuryTransfer(recipient, 1, "dave");
        vm.prank(dave);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, 500e18, 1_000e18)
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function test_stakedTokensVoteWithoutSecondDelegation() public {
        vm.prank(alice);
        hub.stake(alice, 36_000_000e18);
        vm.roll(block.number + 1);
        uint256 id = propose(governor, bob, treasuryTransfer(recipient, 1, "staked"));
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        (, uint256 for_,) = governor.proposalVotes(id);
        assertEq(for_, 36_000_000e18);
    }

    // --- attacks replayed ------------------------------------------------------------------

    /// Tokens bought (or flash-borrowed) after the snapshot carry no votes.
    function test_attack_flashLoanVotingHasNoWeight() public {
        uint256 id = propose(governor, alice, treasuryTransfer(recipient, 1, "flash"));
        toVoting(governor, id);
        address mallory = makeAddr("mallory");
        fundAndDelegate(mallory, 150_000_000e18); // "borrowed" after the snapshot
        assertEq(token.getVotes(mallory), 150_000_000e18);
        vote(governor, id, mallory, AGAINST);
        (uint256 against,,) = governor.proposalVotes(id);
        assertEq(against, 0);
        assertEq(governor.getVotes(mallory, governor.proposalSnapshot(id)), 0);
    }

    /// Nothing can be proposed and executed in the same block.
    function test_attack_proposeAndExecuteInOneBlock() public {
        Proposal memory p = treasuryTransfer(alice, 100_000_000e18, "grab");
        uint256 id = propose(governor, alice, p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Succeeded))
                    | bytes32(uint256(1) << uint8(IGovernor.ProposalState.Queued))
            )
        );
        execute(governor, p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Succeeded))
            )
        );
        queue(governor, p);
    }

    /// A passed proposal cannot skip the timelock: not unqueued, not before the delay, not directly.
    function test_attack_cannotSkipTimelock() public {
        Proposal memory p = treasuryTransfer(alice, 100_000_000e18, "grab");
        uint256 id = propose(governor, alice, p);
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, FOR);
        toEnd(governor, id);
        bytes32 opId = timelockId(governor, p);

        // Executing without queueing: the timelock has no such ready operation.
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector, opId, bytes32(uint256(1) << 2)
            )
        );
        execute(governor, p);

        queue(governor, p);
        // Queued but the delay has not passed.
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector, opId, bytes32(uint256(1) << 2)
            )
        );
        execute(governor, p);

        // Nobody but the governors may execute on the timelock directly.
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        bytes32 executor = timelock.EXECUTOR_ROLE();
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, executor)
        );
        timelock.executeBatch(p.targets, p.values, p.calldatas, 0, bytes20(address(governor)) ^ p.descriptionHash);
        execute(governor, p);
        assertState(governor, id, IGovernor.ProposalState.Executed);
    }

    /// The guardian multisig (2 of 3) cancels a queued proposal.
    function test_attack_guardianCancelsQueuedProposal() public {
        Proposal memory p = treasuryTransfer(alice, 100_000_000e18, "suspicious");
        uint256 id = propose(governor, alice, p);
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, FOR);
        toEnd(governor, id);
        queue(governor, p);
        bytes32 opId = timelockId(governor, p);
        assertTrue(timelock.isOperationPending(opId));

        vm.prank(guardian1);
        uint256 txId = guardian.proposeCancel(opId);
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian3);
        guardian.execute(txId);

        assertFalse(timelock.isOperationPending(opId));
        assertState(governor, id, IGovernor.ProposalState.Canceled);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert();
        execute(governor, p);
        assertEq(token.balanceOf(alice), 36_000_000e18);
    }

    // --- supermajority --------------------------------------------------------------------------

    function test_supermajority_requiredForGovernanceChanges() public {
        Proposal memory p =
            singleCall(address(governor), abi.encodeCall(governor.setVotingPeriod, (200)), "Longer votes");
        uint256 id = propose(governor, alice, p);
        assertTrue(governor.needsSupermajority(id));
        toVoting(governor, id);
        vote(governor, id, alice, FOR); // 36M for
        vote(governor, id, carol, ABSTAIN); // 8M abstain: quorum (44M) reached
        vote(governor, id, bob, AGAINST); // 20M against: 36 / 56 = 64% < 2/3
        toEnd(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Defeated);
    }

    function test_supermajority_passesWithTwoThirds() public {
        Proposal memory p =
            singleCall(address(governor), abi.encodeCall(governor.setVotingPeriod, (200)), "Longer votes");
        uint256 id = propose(governor, alice, p);
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, carol, FOR);
        vote(governor, id, bob, ABSTAIN);
        toEnd(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Succeeded);
        queueAndExecute(governor, p);
        assertEq(governor.votingPeriod(), 200);
    }

    function test_supermajority_ordinaryProposalNeedsSimpleMajority() public {
        Proposal memory p = treasuryTransfer(recipient, 1, "ordinary");
        uint256 id = propose(governor, alice, p);
        assertFalse(governor.needsSupermajority(id));
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, carol, ABSTAIN);
        vote(governor, id, bob, AGAINST); // the same 64% that fails a governance change
        toEnd(governor, id);
        assertState(governor, id, IGovernor.ProposalState.Succeeded);
    }

    function test_setConstitutionalTarget_onlyGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        governor.setConstitutionalTarget(address(hub), true);
        Proposal memory p = singleCall(
            address(governor), abi.encodeCall(governor.setConstitutionalTarget, (address(hub), true)), "hub too"
        );
        _passAndExecute(p, propose(governor, alice, p));
        assertTrue(governor.isConstitutionalTarget(address(hub)));
        uint256 id = propose(governor, alice, singleCall(address(hub), abi.encodeCall(hub.setElectedCount, (5)), "n"));
        assertTrue(governor.needsSupermajority(id));
    }

    // --- citations ---------------------------------------------------------------------------------

    function _passAndExecute(Proposal memory p, uint256 id) internal {
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, FOR);
        toEnd(governor, id);
        queueAndExecute(governor, p);
    }

    function test_citations_rewardSharedWithCitedProposers() public {
        Proposal memory a = treasuryTransfer(recipient, 1, "A");
        uint256 idA = propose(governor, carol, a);
        Proposal memory b = treasuryTransfer(recipient, 2, "B");
        uint256 idB = propose(governor, bob, b);
        _passAndExecute(a, idA);
        _passAndExecute(b, idB);
        uint256 carolBefore = rep.balanceOf(carol);
        uint256 bobBefore = rep.balanceOf(bob);

        Proposal memory c = treasuryTransfer(recipient, 3, "C cites A and B");
        uint256[] memory cited = new uint256[](2);
        cited[0] = idA;
        cited[1] = idB;
        uint256 expectedId = governor.getProposalId(c.targets, c.values, c.calldatas, c.descriptionHash);
        vm.expectEmit(address(governor));
        emit GovernorCitations.ProposalCited(expectedId, idA);
        vm.prank(alice);
        uint256 idC = governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
        assertEq(governor.citations(idC).length, 2);
        _passAndExecute(c, idC);

        // The cited authors share the reward; the citing proposer gets nothing for its own execution.
        assertEq(rep.balanceOf(alice), 0);
        assertEq(rep.balanceOf(carol) - carolBefore, CITATION_REWARD / 2);
        assertEq(rep.balanceOf(bob) - bobBefore, CITATION_REWARD / 2);
        assertEq(governor.totalCitationRewardsMinted(), CITATION_REWARD);
        assertEq(rep.totalSupply(), CITATION_REWARD);
    }

    function test_proposeWithCitations_revertsOnUnknown() public {
        Proposal memory c = treasuryTransfer(recipient, 3, "C");
        uint256[] memory cited = new uint256[](1);
        cited[0] = 42;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.UnknownCitation.selector, 42));
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    function test_proposeWithCitations_revertsOnNotExecuted() public {
        uint256 idA = propose(governor, carol, treasuryTransfer(recipient, 1, "A"));
        Proposal memory c = treasuryTransfer(recipient, 3, "C");
        uint256[] memory cited = new uint256[](1);
        cited[0] = idA;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.CitationNotExecuted.selector, idA));
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    function test_proposeWithCitations_revertsOnSelfCitation() public {
        Proposal memory a = treasuryTransfer(recipient, 1, "A");
        uint256 idA = propose(governor, alice, a);
        _passAndExecute(a, idA);
        Proposal memory c = treasuryTransfer(recipient, 3, "C");
        uint256[] memory cited = new uint256[](1);
        cited[0] = idA;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.SelfCitation.selector, idA));
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    function test_citations_cappedPerEpoch() public {
        Proposal memory a = treasuryTransfer(recipient, 1, "A");
        uint256 idA = propose(governor, carol, a);
        _passAndExecute(a, idA);
        Proposal memory capP = singleCall(
            address(governor), abi.encodeCall(governor.setCitationRewardCap, (CITATION_REWARD * 3 / 2)), "cap"
        );
        _passAndExecute(capP, propose(governor, bob, capP));
        uint256[] memory cited = new uint256[](1);
        cited[0] = idA;
        for (uint256 i; i < 2; ++i) {
            Proposal memory c = treasuryTransfer(recipient, 10 + i, string(abi.encodePacked("cites A ", i)));
            vm.prank(alice);
            uint256 id = governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
            _passAndExecute(c, id);
        }
        // Both executions are in the same epoch: 100 + 50 (capped), not 200.
        assertEq(governor.totalCitationRewardsMinted(), CITATION_REWARD * 3 / 2);
        assertEq(rep.balanceOf(carol), CITATION_REWARD * 3 / 2);
    }

    function test_proposeWithCitations_revertsOnDuplicate() public {
        Proposal memory a = treasuryTransfer(recipient, 1, "A");
        uint256 idA = propose(governor, carol, a);
        _passAndExecute(a, idA);
        Proposal memory c = treasuryTransfer(recipient, 3, "C");
        uint256[] memory cited = new uint256[](2);
        cited[0] = idA;
        cited[1] = idA;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.DuplicateCitation.selector, idA));
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    function test_proposeWithCitations_revertsOnTooMany() public {
        Proposal memory c = treasuryTransfer(recipient, 3, "C");
        uint256[] memory cited = new uint256[](9);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.TooManyCitations.selector, 9, 8));
        governor.proposeWithCitations(c.targets, c.values, c.calldatas, c.description, cited);
    }

    function test_citations_executionSurvivesRevokedMinterRole() public {
        Proposal memory a = treasuryTransfer(recipient, 1, "A");
        uint256 idA = propose(governor, carol, a);
        _passAndExecute(a, idA);
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.revokeRole(minter, address(governor));
        Proposal memory p = treasuryTransfer(recipient, 1, "no REP");
        uint256[] memory cited = new uint256[](1);
        cited[0] = idA;
        vm.prank(alice);
        uint256 id = governor.proposeWithCitations(p.targets, p.values, p.calldatas, p.description, cited);
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, FOR);
        toEnd(governor, id);
        queue(governor, p);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectEmit(address(governor));
        emit GovernorCitations.CitationRewardFailed(id, carol, CITATION_REWARD);
        execute(governor, p);
        assertState(governor, id, IGovernor.ProposalState.Executed);
        assertEq(rep.balanceOf(carol), 0);
    }

    function test_setCitationReward_onlyGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        governor.setCitationReward(1, 1);
        Proposal memory p =
            singleCall(address(governor), abi.encodeCall(governor.setCitationReward, (7, 9_000)), "reward");
        _passAndExecute(p, propose(governor, alice, p));
        assertEq(governor.citationReward(), 7);
        assertEq(governor.proposerShareBps(), 9_000);
    }

    function test_constructor_revertsOnInvalidShare() public {
        vm.expectRevert(abi.encodeWithSelector(GovernorCitations.InvalidShare.selector, 10_001));
        new TokenGovernor(
            IVotes(address(token)), timelock, rep, GovernorConfig("x", 1, 10, 0, 4, 1, 10_001, new address[](0), 0), 0
        );
    }

    // --- late quorum, enumeration, double votes ------------------------------------------------------

    function test_lateQuorum_extendsDeadline() public {
        uint256 id = propose(governor, carol, treasuryTransfer(recipient, 1, "late"));
        uint256 deadline = governor.proposalDeadline(id);
        vm.roll(deadline - 1);
        vote(governor, id, alice, FOR);
        vote(governor, id, bob, FOR); // quorum reached one block before the end
        assertEq(governor.proposalDeadline(id), deadline - 1 + LATE_QUORUM_EXTENSION);
        vm.roll(deadline + 1);
        assertState(governor, id, IGovernor.ProposalState.Active);
    }

    function test_storage_enumeratesProposals() public {
        Proposal memory p = treasuryTransfer(recipient, 1, "first");
        uint256 id = propose(governor, alice, p);
        propose(governor, bob, treasuryTransfer(recipient, 2, "second"));
        assertEq(governor.proposalCount(), 2);
        (address[] memory targets,, bytes[] memory calldatas, bytes32 dh) = governor.proposalDetails(id);
        assertEq(targets[0], address(token));
        assertEq(keccak256(calldatas[0]), keccak256(p.calldatas[0]));
        assertEq(dh, p.descriptionHash);
        (uint256 firstId,,,,) = governor.proposalDetailsAt(0);
        assertEq(firstId, id);
    }

    function test_castVote_revertsOnSecondVote() public {
        uint256 id = propose(governor, alice, treasuryTransfer(recipient, 1, "twice"));
        toVoting(governor, id);
        vote(governor, id, alice, FOR);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        governor.castVote(id, AGAINST);
    }

    function test_castVoteWithReason_counts() public {
        uint256 id = propose(governor, alice, treasuryTransfer(recipient, 1, "reason"));
        toVoting(governor, id);
        vm.prank(bob);
        governor.castVoteWithReason(id, ABSTAIN, "not sure");
        (,, uint256 abstain) = governor.proposalVotes(id);
        assertEq(abstain, 20_000_000e18);
    }

    function test_fuzz_votesAreSnapshotBalances(uint256 amount, uint256 bought) public {
        amount = bound(amount, 0, 90_000_000e18);
        bought = bound(bought, 0, 90_000_000e18);
        address voter = makeAddr("voter");
        fundAndDelegate(voter, amount);
        uint256 id = propose(governor, alice, treasuryTransfer(recipient, 1, "fuzz"));
        toVoting(governor, id);
        fund(voter, bought); // after the snapshot: must not count
        vote(governor, id, voter, FOR);
        (, uint256 for_,) = governor.proposalVotes(id);
        assertEq(for_, amount);
    }

    function test_fuzz_supermajorityThreshold(uint256 forVotes, uint256 againstVotes) public {
        forVotes = bound(forVotes, 40_000_000e18, 100_000_000e18);
        againstVotes = bound(againstVotes, 0, 90_000_000e18);
        address f = makeAddr("f");
        address a = makeAddr("a");
        fundAndDelegate(f, forVotes);
        fundAndDelegate(a, againstVotes);
        vm.roll(block.number + 1);
        Proposal memory p = singleCall(address(governor), abi.encodeCall(governor.setVotingDelay, (5)), "delay");
        uint256 id = propose(governor, alice, p);
        toVoting(governor, id);
        vote(governor, id, f, FOR);
        vote(governor, id, a, AGAINST);
        toEnd(governor, id);
        bool passes = forVotes * 3 >= (forVotes + againstVotes) * 2 && forVotes > againstVotes;
        assertEq(
            uint256(governor.state(id)),
            uint256(passes ? IGovernor.ProposalState.Succeeded : IGovernor.ProposalState.Defeated)
        );
    }
}
