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
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {GovernorSupermajority} from "./GovernorSupermajority.sol";
import {GovernorCitations} from "./GovernorCitations.sol";
import {GovernorConfig} from "./GovernorConfig.sol";
import {GovernorScope} from "./GovernorScope.sol";
import {Reputation} from "../Reputation.sol";

/// @title Quadratic governor
/// @notice A vote weighs sqrt(CTRN votes x aged REP) at the snapshot: the
/// geometric mean of stake and earned reputation, so for a given reputation the
/// weight grows with the square root of CTRN. Only reputation holders (aged REP
/// at least `minReputation`) may vote. Quorum is `quorumPercent` of
/// sqrt(CTRN supply x REP supply) at the snapshot. Its proposals may make only the
/// calls the token governor allowlisted (see {GovernorScope}).
/// @dev Sybil splits gain nothing: by Cauchy-Schwarz, for any split of C CTRN and
/// R REP over addresses, sum_i sqrt(c_i r_i) <= sqrt(sum c_i * sum r_i) =
/// sqrt(C R). (The old weight, sqrt(CTRN) per REP holder, rewarded splitting:
/// sqrt(a) + sqrt(b) > sqrt(a + b).) REP is non-transferable and earned only
/// through paid commission, executed-and-cited proposals and validation pools,
/// and counts only once aged, so it cannot be borrowed for one vote either.
contract QuadraticGovernor is
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
    /// @notice Quorum as a percent of sqrt(CTRN total supply at the snapshot).
    uint256 public quorumPercent;
    /// @notice REP needed at the snapshot to vote.
    uint256 public minReputation = 1;

    event QuorumPercentChanged(uint256 oldPercent, uint256 newPercent);
    event MinReputationChanged(uint256 oldMin, uint256 newMin);

    /// @notice `account` held no (or too little) aged REP, or no CTRN votes, at the snapshot.
    error NotReputationHolder(address account);
    error InvalidQuorumPercent(uint256 percent);
    error InvalidMinReputation(uint256 minimum);

    /// @param token CTRN (IVotes): the voting power that is square-rooted.
    /// @param timelock The shared timelock.
    /// @param reputation REP: the voting gate and the citation rewards.
    /// @param cfg Settings; `cfg.quorum` is a percent of sqrt(supply); the threshold is in sqrt units.
    constructor(IVotes token, TimelockController timelock, Reputation reputation, GovernorConfig memory cfg)
        Governor(cfg.name)
        GovernorSettings(cfg.votingDelay, cfg.votingPeriod, cfg.proposalThreshold)
        GovernorVotes(token)
        GovernorTimelockControl(timelock)
        GovernorSupermajority(cfg.constitutionalTargets)
        GovernorCitations(reputation, cfg.citationReward, cfg.proposerShareBps)
        GovernorScope(cfg.reputationAge)
    {
        _setQuorumPercent(cfg.quorum);
    }

    // COUNTING_MODE is GovernorCountingSimple's "support=bravo&quorum=for,abstain" (it said
    // "&weight=sqrt(ctrn*rep)" too, a non-standard key the governor had no bytes left for once
    // constitutional execution needed the guardians; the weight is documented above).

    /// @notice Quorum at `timepoint`: quorumPercent of sqrt(CTRN supply x REP supply).
    function quorum(uint256 timepoint) public view override returns (uint256) {
        uint256 all = Math.sqrt(token().getPastTotalSupply(timepoint) * reputation.getPastTotalSupply(timepoint));
        return all * quorumPercent / 100;
    }

    /// @notice Sets the quorum percent. Governance only.
    /// @param percent 1..100.
    function setQuorumPercent(uint256 percent) external onlyGovernance {
        _setQuorumPercent(percent);
    }

    /// @notice Sets the REP needed to vote. Governance only.
    /// @param minimum At least 1.
    function setMinReputation(uint256 minimum) external onlyGovernance {
        if (minimum == 0) revert InvalidMinReputation(minimum);
        emit MinReputationChanged(minReputation, minimum);
        minReputation = minimum;
    }

    function _setQuorumPercent(uint256 percent) private {
        if (percent == 0 || percent > 100) revert InvalidQuorumPercent(percent);
        emit QuorumPercentChanged(quorumPercent, percent);
        quorumPercent = percent;
    }

    /// @dev Voting power is sqrt(CTRN votes x aged REP), also for the proposal threshold.
    function _getVotes(address account, uint256 timepoint, bytes memory params)
        internal
        view
        override(Governor, GovernorVotes)
        returns (uint256)
    {
        uint256 aged = agedReputation(account, timepoint);
        if (aged < minReputation) return 0; // only reputation holders weigh anything
        return Math.sqrt(super._getVotes(account, timepoint, params) * aged);
    }

    /// @dev Only REP holders at the snapshot may vote: the weight is 0 below `minReputation`.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 weight, bytes memory params)
        internal
        override(Governor, GovernorCountingSimple)
        returns (uint256)
    {
        if (weight == 0) revert NotReputationHolder(account);
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
