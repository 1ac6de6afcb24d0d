// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {GovernanceBase} from "../utils/GovernanceBase.sol";
import {GovernorSupermajority} from "../../src/governance/GovernorSupermajority.sol";
import {GuardianMultisig} from "../../src/governance/GuardianMultisig.sol";

/// @dev The seeds' "multisig for execution": a constitutional proposal (GovernorSupermajority's
/// class) executes only through the guardians' k-of-n confirmation, until 14 days after its ETA.
contract GuardianExecutionTest is GovernanceBase {
    uint256 internal constant WINDOW = 14 days;

    function setUp() public {
        deployProtocol();
        fundAndDelegate(alice, 36_000_000e18);
        fundAndDelegate(bob, 20_000_000e18);
        rep.mint(alice, 10e18, "test");
        rep.mint(bob, 10e18, "test");
        vm.roll(block.number + REPUTATION_AGE + 1);
    }

    /// @dev A proposal through the vote and the timelock delay, ready to execute; returns its id.
    function _ready(Governor g, Proposal memory p) internal returns (uint256 id) {
        id = propose(g, alice, p);
        toVoting(g, id);
        vote(g, id, alice, 1);
        vote(g, id, bob, 1);
        toEnd(g, id);
        queue(g, p);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
    }

    function _grantCurator() internal view returns (Proposal memory) {
        return singleCall(
            address(rep), abi.encodeCall(IAccessControl.grantRole, (keccak256("SOME_ROLE"), recipient)), "grant"
        );
    }

    function _direct(Governor g, Proposal memory p) internal {
        g.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    /// A captured supermajority (or a proposal nobody read) used to execute a constitutional change
    /// the second its timelock delay ended; now the guardians confirm it first.
    function test_attack_constitutionalChangeWaitsForGuardians() public {
        Proposal memory p = _grantCurator();
        uint256 id = _ready(governor, p);
        assertTrue(governor.needsSupermajority(id));
        vm.prank(alice);
        vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
        _direct(governor, p);
        assertFalse(rep.hasRole(keccak256("SOME_ROLE"), recipient));
    }

    function test_guardiansExecuteWithThreshold() public {
        Proposal memory p = _grantCurator();
        uint256 id = _ready(governor, p);
        vm.prank(guardian1);
        uint256 txId = guardian.proposeExecute(address(governor), p.targets, p.values, p.calldatas, p.descriptionHash);
        // One confirmation of two: not yet.
        vm.prank(guardian1);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.ThresholdNotReached.selector, txId, 1, 2));
        guardian.execute(txId);
        vm.prank(guardian3);
        guardian.confirm(txId);
        vm.prank(guardian3);
        guardian.execute(txId);
        assertState(governor, id, IGovernor.ProposalState.Executed);
        assertTrue(rep.hasRole(keccak256("SOME_ROLE"), recipient));
    }

    /// Only the GUARDIAN_ROLE holder counts: a guardian acting alone, or another multisig, does not.
    function test_onlyGuardianRoleHolderExecutes() public {
        Proposal memory p = _grantCurator();
        _ready(governor, p);
        vm.prank(guardian1);
        vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
        _direct(governor, p);
        assertTrue(timelock.hasRole(GUARDIAN_ROLE, address(guardian)));
        assertFalse(timelock.hasRole(GUARDIAN_ROLE, guardian1));
    }

    /// Ordinary proposals (a treasury transfer) execute as before, by anyone.
    function test_ordinaryProposalNeedsNoGuardians() public {
        Proposal memory p = treasuryTransfer(recipient, 1e18, "pay");
        uint256 id = _ready(governor, p);
        assertFalse(governor.needsSupermajority(id));
        vm.prank(bob);
        _direct(governor, p);
        assertEq(token.balanceOf(recipient), 1e18);
    }

    /// The guardians delay, never veto: 14 days after the ETA anyone may execute — also the
    /// guardians' own removal, which they might prefer never to confirm (finding 7).
    function test_guardiansCannotVetoTheirRemoval() public {
        Proposal memory p = singleCall(
            address(timelock), abi.encodeCall(IAccessControl.revokeRole, (GUARDIAN_ROLE, address(guardian))), "remove"
        );
        uint256 id = _ready(governor, p);
        uint256 openAt = governor.proposalEta(id) + WINDOW;
        vm.warp(openAt - 1);
        vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
        _direct(governor, p);
        vm.warp(openAt);
        vm.prank(bob);
        _direct(governor, p);
        assertState(governor, id, IGovernor.ProposalState.Executed);
        assertFalse(timelock.hasRole(GUARDIAN_ROLE, address(guardian)));
    }

    /// The weaker governors' constitutional proposals (retuning themselves) need the guardians too.
    function test_memberGovernorConstitutionalNeedsGuardians() public {
        Proposal memory p = timing(member, "m");
        uint256 id = _ready(member, p);
        assertTrue(member.needsSupermajority(id));
        vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
        _direct(member, p);
        executeByGuardians(member, p);
        assertEq(member.votingPeriod(), 200);
    }

    function test_quadraticGovernorConstitutionalNeedsGuardians() public {
        Proposal memory p = timing(quadratic, "q");
        uint256 id = _ready(quadratic, p);
        assertTrue(quadratic.needsSupermajority(id));
        vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
        _direct(quadratic, p);
        executeByGuardians(quadratic, p);
        assertEq(quadratic.votingPeriod(), 200);
    }

    /// Whatever the time past the ETA, a non-guardian executes a constitutional proposal only once
    /// the window is over.
    function testFuzz_windowBoundary(uint32 after_) public {
        Proposal memory p = _grantCurator();
        uint256 id = _ready(governor, p);
        uint256 t = governor.proposalEta(id) + bound(after_, 0, 2 * WINDOW);
        vm.warp(t);
        if (t < governor.proposalEta(id) + WINDOW) {
            vm.expectRevert(GovernorSupermajority.NeedsGuardians.selector);
            _direct(governor, p);
        } else {
            _direct(governor, p);
            assertState(governor, id, IGovernor.ProposalState.Executed);
        }
    }
}
