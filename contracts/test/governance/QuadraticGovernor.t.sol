// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {GovernanceBase} from "../utils/GovernanceBase.sol";
import {QuadraticGovernor} from "../../src/governance/QuadraticGovernor.sol";
import {GovernorConfig} from "../../src/governance/GovernorConfig.sol";

contract QuadraticGovernorTest is GovernanceBase {
    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;

    function setUp() public {
        deployProtocol();
        fundAndDelegate(alice, 40_000_000e18); // sqrt = 6.32e12
        fundAndDelegate(bob, 10_000_000e18); // sqrt = 3.16e12
        fundAndDelegate(carol, 10_000_000e18);
        fundAndDelegate(dave, 10_000_000e18); // no REP: may not vote
        rep.mint(alice, 1e18, "test");
        rep.mint(bob, 1e18, "test");
        rep.mint(carol, 1e18, "test");
        vm.roll(block.number + REPUTATION_AGE + 1); // REP counts once aged
    }

    function test_castVote_weighsSquareRoot() public {
        uint256 id = propose(quadratic, alice, timing(quadratic, "q"));
        toVoting(quadratic, id);
        vote(quadratic, id, alice, FOR);
        vote(quadratic, id, bob, AGAINST);
        vote(quadratic, id, carol, AGAINST);
        (uint256 against, uint256 for_,) = quadratic.proposalVotes(id);
        assertEq(for_, Math.sqrt(40_000_000e18 * 1e18));
        assertEq(against, 2 * Math.sqrt(10_000_000e18 * 1e18));
        // 4x the tokens is only 2x the votes: bob and carol together tie alice (to the rounding wei).
        assertApproxEqAbs(for_, against, 1);
    }

    /// A holder of CTRN without REP cannot vote quadratically.
    function test_attack_nonReputationHolderCannotVote() public {
        uint256 id = propose(quadratic, alice, timing(quadratic, "q"));
        toVoting(quadratic, id);
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(QuadraticGovernor.NotReputationHolder.selector, dave));
        quadratic.castVote(id, FOR);
    }

    /// REP earned after the snapshot does not make a voter eligible.
    function test_reputationAfterSnapshotDoesNotCount() public {
        uint256 id = propose(quadratic, alice, timing(quadratic, "q"));
        toVoting(quadratic, id);
        rep.mint(dave, 1e18, "late");
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(QuadraticGovernor.NotReputationHolder.selector, dave));
        quadratic.castVote(id, FOR);
    }

    function test_lifecycle_executesThroughTimelock() public {
        Proposal memory p = timing(quadratic, "q lifecycle");
        uint256 id = propose(quadratic, alice, p);
        toVoting(quadratic, id);
        vote(quadratic, id, alice, FOR);
        toEnd(quadratic, id);
        assertState(quadratic, id, IGovernor.ProposalState.Succeeded);
        queueAndExecute(quadratic, p);
        assertEq(quadratic.votingPeriod(), 200);
        assertEq(rep.balanceOf(alice), 1e18); // nothing cited: no citation REP
    }

    function test_quorum_isPercentOfSqrtSupply() public view {
        assertEq(quadratic.quorum(block.number - 1), Math.sqrt(SUPPLY * 3e18) * 10 / 100);
        assertEq(quadratic.COUNTING_MODE(), "support=bravo&quorum=for,abstain");
    }

    function test_getVotes_isSquareRoot() public view {
        assertEq(quadratic.getVotes(bob, block.number - 1), Math.sqrt(10_000_000e18 * 1e18));
    }

    function test_setQuorumPercent_throughGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        quadratic.setQuorumPercent(20);
        allowWeak(address(quadratic), quadratic.setQuorumPercent.selector);
        Proposal memory p = singleCall(address(quadratic), abi.encodeCall(quadratic.setQuorumPercent, (20)), "quorum");
        uint256 id = propose(quadratic, alice, p);
        toVoting(quadratic, id);
        vote(quadratic, id, alice, FOR);
        toEnd(quadratic, id);
        queueAndExecute(quadratic, p);
        assertEq(quadratic.quorumPercent(), 20);
    }

    function test_setMinReputation_throughGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        quadratic.setMinReputation(2);
        allowWeak(address(quadratic), quadratic.setMinReputation.selector);
        Proposal memory p = singleCall(address(quadratic), abi.encodeCall(quadratic.setMinReputation, (2e18)), "min");
        uint256 id = propose(quadratic, alice, p);
        toVoting(quadratic, id);
        vote(quadratic, id, alice, FOR);
        toEnd(quadratic, id);
        queueAndExecute(quadratic, p);
        assertEq(quadratic.minReputation(), 2e18);
    }

    function test_constructor_revertsOnInvalidQuorum() public {
        vm.expectRevert(abi.encodeWithSelector(QuadraticGovernor.InvalidQuorumPercent.selector, 101));
        new QuadraticGovernor(
            IVotes(address(token)), timelock, rep, GovernorConfig("q", 1, 10, 0, 101, 0, 0, new address[](0), 0)
        );
        vm.expectRevert(abi.encodeWithSelector(QuadraticGovernor.InvalidQuorumPercent.selector, 0));
        new QuadraticGovernor(
            IVotes(address(token)), timelock, rep, GovernorConfig("q", 1, 10, 0, 0, 0, 0, new address[](0), 0)
        );
    }

    function test_setMinReputation_revertsOnZero() public {
        // Reached only through governance; the check itself is exercised via a direct executor context.
        allowWeak(address(quadratic), quadratic.setMinReputation.selector);
        Proposal memory p = singleCall(address(quadratic), abi.encodeCall(quadratic.setMinReputation, (0)), "zero");
        uint256 id = propose(quadratic, alice, p);
        toVoting(quadratic, id);
        vote(quadratic, id, alice, FOR);
        toEnd(quadratic, id);
        queue(quadratic, p);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        // Constitutional (the governor retunes itself): the guardians execute it.
        vm.prank(guardian1);
        uint256 txId = guardian.proposeExecute(address(quadratic), p.targets, p.values, p.calldatas, p.descriptionHash);
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian2);
        vm.expectRevert(abi.encodeWithSelector(QuadraticGovernor.InvalidMinReputation.selector, 0));
        guardian.execute(txId);
    }

    function test_fuzz_weightIsSqrtOfSnapshotVotes(uint256 amount) public {
        amount = bound(amount, 1, 100_000_000e18);
        address voter = makeAddr("voter");
        fundAndDelegate(voter, amount);
        rep.mint(voter, 1, "test");
        vm.roll(block.number + REPUTATION_AGE + 1);
        uint256 id = propose(quadratic, alice, timing(quadratic, "fuzz"));
        toVoting(quadratic, id);
        vote(quadratic, id, voter, FOR);
        (, uint256 for_,) = quadratic.proposalVotes(id);
        assertEq(for_, Math.sqrt(amount));
    }
}
