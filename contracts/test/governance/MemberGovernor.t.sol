// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceBase} from "../utils/GovernanceBase.sol";
import {MemberGovernor} from "../../src/governance/MemberGovernor.sol";
import {GovernorConfig} from "../../src/governance/GovernorConfig.sol";

contract MemberGovernorTest is GovernanceBase {
    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    function setUp() public {
        deployProtocol();
        rep.mint(alice, 1_000e18, "test"); // a whale still has one vote
        rep.mint(bob, 10e18, "test");
        rep.mint(carol, 10e18, "test");
        rep.mint(dave, 9e18, "test"); // below the member threshold
        vm.roll(block.number + REPUTATION_AGE + 1); // REP counts once aged
    }

    function test_castVote_oneMemberOneVote() public {
        uint256 id = propose(member, bob, timing(member, "m"));
        toVoting(member, id);
        vote(member, id, alice, AGAINST);
        vote(member, id, bob, FOR);
        vote(member, id, carol, FOR);
        (uint256 against, uint256 for_,) = member.proposalVotes(id);
        assertEq(against, 1);
        assertEq(for_, 2);
        toEnd(member, id);
        assertState(member, id, IGovernor.ProposalState.Succeeded);
    }

    function test_castVote_revertsForNonMember() public {
        uint256 id = propose(member, bob, timing(member, "m"));
        toVoting(member, id);
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(MemberGovernor.NotMember.selector, dave));
        member.castVote(id, FOR);
    }

    function test_castVote_revertsOnSecondVote() public {
        uint256 id = propose(member, bob, timing(member, "m"));
        toVoting(member, id);
        vote(member, id, bob, FOR);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, bob));
        member.castVoteWithReason(id, AGAINST, "changed my mind");
    }

    function test_propose_revertsForNonMember() public {
        Proposal memory p = timing(member, "m");
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, 0, 1));
        member.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function test_quorum_isMemberCount() public {
        uint256 id = propose(member, bob, timing(member, "m"));
        toVoting(member, id);
        vote(member, id, bob, FOR); // 1 < 2 members
        toEnd(member, id);
        assertState(member, id, IGovernor.ProposalState.Defeated);
        assertEq(member.quorum(0), 2);
        assertEq(member.COUNTING_MODE(), "support=bravo&quorum=for,abstain&weight=member");
    }

    function test_lifecycle_setsElectedCountThroughTimelock() public {
        allowWeak(address(hub), hub.setElectedCount.selector);
        Proposal memory p = singleCall(address(hub), abi.encodeCall(hub.setElectedCount, (7)), "7 delegates");
        uint256 id = propose(member, carol, p);
        toVoting(member, id);
        vote(member, id, bob, FOR);
        vote(member, id, carol, FOR);
        vote(member, id, alice, ABSTAIN);
        toEnd(member, id);
        queueAndExecute(member, p);
        assertEq(hub.electedCount(), 7);
        assertEq(rep.balanceOf(carol), 10e18); // nothing cited: no citation REP
    }

    function _pass(Proposal memory p) internal {
        uint256 id = propose(member, bob, p);
        toVoting(member, id);
        vote(member, id, bob, FOR);
        vote(member, id, carol, FOR);
        vote(member, id, alice, FOR);
        toEnd(member, id);
        queueAndExecute(member, p);
    }

    function test_setMemberThreshold_throughGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        member.setMemberThreshold(1);
        allowWeak(address(member), member.setMemberThreshold.selector);
        _pass(singleCall(address(member), abi.encodeCall(member.setMemberThreshold, (5e18)), "t"));
        assertEq(member.memberThreshold(), 5e18);
        assertEq(member.getVotes(dave, block.number - 1), 1);
    }

    function test_setQuorumMembers_throughGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        member.setQuorumMembers(1);
        allowWeak(address(member), member.setQuorumMembers.selector);
        _pass(singleCall(address(member), abi.encodeCall(member.setQuorumMembers, (3)), "q"));
        assertEq(member.quorumMembers(), 3);
    }

    function test_constructor_revertsOnInvalidSettings() public {
        vm.expectRevert(abi.encodeWithSelector(MemberGovernor.InvalidMemberThreshold.selector, 0));
        new MemberGovernor(rep, timelock, GovernorConfig("m", 1, 10, 1, 2, 0, 0, new address[](0), 0), 0);
        vm.expectRevert(abi.encodeWithSelector(MemberGovernor.InvalidQuorumMembers.selector, 0));
        new MemberGovernor(rep, timelock, GovernorConfig("m", 1, 10, 1, 0, 0, 0, new address[](0), 0), 1);
    }

    function test_fuzz_anyMemberCountsOnce(uint256 amount) public {
        amount = bound(amount, MEMBER_THRESHOLD, 1e30);
        address voter = makeAddr("voter");
        rep.mint(voter, amount, "test");
        vm.roll(block.number + REPUTATION_AGE + 1);
        uint256 id = propose(member, bob, timing(member, "fuzz"));
        toVoting(member, id);
        vote(member, id, voter, FOR);
        (, uint256 for_,) = member.proposalVotes(id);
        assertEq(for_, 1);
    }
}
