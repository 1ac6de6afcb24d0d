// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {GovernorSupermajority} from "./GovernorSupermajority.sol";
import {GovernorCitations} from "./GovernorCitations.sol";
import {GovernorConfig} from "./GovernorConfig.sol";
import {GovernorScope} from "./GovernorScope.sol";
import {Reputation} from "../Reputation.sol";

/// @title One-member-one-vote governor
/// @notice Every address holding at least `memberThreshold` REP at the
/// snapshot — REP that has aged `reputationAge` blocks (see {GovernorScope}) —
/// casts exactly one vote. Quorum is an absolute number of members. Its
/// proposals may make only the calls the token governor allowlisted: it cannot
/// move the treasury, slash, or grant roles.
/// @dev REP cannot be transferred or delegated, so a member cannot lend its
/// vote; the threshold is read when the vote is cast (a change applies to
/// proposals still open).
contract MemberGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorStorage,
    GovernorVotes,
    GovernorTimelockControl,
    GovernorSupermajority,
    GovernorCitations,
    GovernorScope
{
    /// @notice REP needed at the snapshot to be a member.
    uint256 public memberThreshold;
    /// @notice Member votes (for + abstain) needed for quorum.
    uint256 public quorumMembers;

    event MemberThresholdChanged(uint256 oldThreshold, uint256 newThreshold);
    event QuorumMembersChanged(uint256 oldQuorum, uint256 newQuorum);

    /// @notice `account` was not a member at the snapshot.
    error NotMember(address account);
    error InvalidMemberThreshold(uint256 threshold);
    error InvalidQuorumMembers(uint256 quorum);

    /// @param reputation REP: membership (IVotes) and the citation rewards.
    /// @param timelock The shared timelock.
    /// @param cfg Settings; `cfg.quorum` is a member count; the threshold is 0 or 1 (members only).
    /// @param threshold REP needed to be a member.
    constructor(Reputation reputation, TimelockController timelock, GovernorConfig memory cfg, uint256 threshold)
        Governor(cfg.name)
        GovernorSettings(cfg.votingDelay, cfg.votingPeriod, cfg.proposalThreshold)
        GovernorVotes(IVotes(address(reputation)))
        GovernorTimelockControl(timelock)
        GovernorSupermajority(cfg.constitutionalTargets)
        GovernorCitations(reputation, cfg.citationReward, cfg.proposerShareBps)
        GovernorScope(cfg.reputationAge)
    {
        _setMemberThreshold(threshold);
        _setQuorumMembers(cfg.quorum);
    }

    /// @notice Counting mode for clients.
    function COUNTING_MODE() public pure override(IGovernor, GovernorCountingSimple) returns (string memory) {
        return "support=bravo&quorum=for,abstain&weight=member";
    }

    /// @notice Quorum: a fixed number of member votes.
    function quorum(uint256) public view override returns (uint256) {
        return quorumMembers;
    }

    /// @notice Sets the REP needed to be a member. Governance only.
    /// @param threshold At least 1.
    function setMemberThreshold(uint256 threshold) external onlyGovernance {
        _setMemberThreshold(threshold);
    }

    /// @notice Sets the member quorum. Governance only.
    /// @param members At least 1.
    function setQuorumMembers(uint256 members) external onlyGovernance {
        _setQuorumMembers(members);
    }

    function _setMemberThreshold(uint256 threshold) private {
        if (threshold == 0) revert InvalidMemberThreshold(threshold);
        emit MemberThresholdChanged(memberThreshold, threshold);
        memberThreshold = threshold;
    }

    function _setQuorumMembers(uint256 members) private {
        if (members == 0) revert InvalidQuorumMembers(members);
        emit QuorumMembersChanged(quorumMembers, members);
        quorumMembers = members;
    }

    /// @dev One vote for a member, none otherwise (also for the proposal threshold).
    function _getVotes(address account, uint256 timepoint, bytes memory params)
        internal
        view
        override(Governor, GovernorVotes)
        returns (uint256)
    {
        params; // membership reads aged REP, not the raw snapshot balance
        return agedReputation(account, timepoint) >= memberThreshold ? 1 : 0;
    }

    /// @dev Non-members cannot vote.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 weight, bytes memory params)
        internal
        override(Governor, GovernorCountingSimple)
        returns (uint256)
    {
        if (weight == 0) revert NotMember(account);
        return super._countVote(proposalId, account, support, weight, params);
    }

    // --- overrides required by Solidity -------------------------------------

    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _voteSucceeded(uint256 proposalId)
        internal
        view
        override(Governor, GovernorCountingSimple)
        returns (bool)
    {
        if (!needsSupermajority[proposalId]) return super._voteSucceeded(proposalId);
        (uint256 againstVotes, uint256 forVotes,) = proposalVotes(proposalId);
        return _supermajorityReached(forVotes, againstVotes);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorStorage, GovernorSupermajority) returns (uint256) {
        _checkScope(targets, values, calldatas);
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        _checkScope(targets, values, calldatas); // the allowlist may have shrunk since the proposal
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        _checkGuardians(proposalId);
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
        _rewardCitations(proposalId);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    function _scopeReputation() internal view override returns (Reputation) {
        return reputation;
    }
}
