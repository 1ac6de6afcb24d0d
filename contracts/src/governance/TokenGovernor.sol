// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {GovernorSupermajority} from "./GovernorSupermajority.sol";
import {GovernorCitations} from "./GovernorCitations.sol";
import {GovernorConfig} from "./GovernorConfig.sol";
import {Reputation} from "../Reputation.sol";

/// @title Token-weighted governor (CTRN votes, with delegation)
/// @notice One CTRN of delegated voting power is one vote; staked CTRN votes too
/// (it stays in the holder's wallet). Quorum is a fraction of CTRN supply at the
/// snapshot; a late quorum extends voting; proposals run through the shared
/// timelock; proposals that change governance need two thirds of votes cast;
/// proposals are enumerable on chain (GovernorStorage) and may cite earlier ones.
contract TokenGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorStorage,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorTimelockControl,
    GovernorSupermajority,
    GovernorCitations
{
    /// @param token CTRN (IVotes).
    /// @param timelock The shared timelock (treasury and executor).
    /// @param reputation REP, for citation rewards.
    /// @param cfg Settings; `cfg.quorum` is a percent of supply.
    /// @param lateQuorumExtension Blocks voting is extended by when quorum is reached late.
    constructor(
        IVotes token,
        TimelockController timelock,
        Reputation reputation,
        GovernorConfig memory cfg,
        uint48 lateQuorumExtension
    )
        Governor(cfg.name)
        GovernorSettings(cfg.votingDelay, cfg.votingPeriod, cfg.proposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(cfg.quorum)
        GovernorPreventLateQuorum(lateQuorumExtension)
        GovernorTimelockControl(timelock)
        GovernorSupermajority(cfg.constitutionalTargets)
        GovernorCitations(reputation, cfg.citationReward, cfg.proposerShareBps)
    {}

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

    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
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

    function proposalDeadline(uint256 proposalId)
        public
        view
        override(Governor, GovernorPreventLateQuorum)
        returns (uint256)
    {
        return super.proposalDeadline(proposalId);
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        super._tallyUpdated(proposalId);
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
    ) internal override(Governor, GovernorStorage, GovernorSupermajority) returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        if (needsSupermajority[proposalId]) return proposalId;
        for (uint256 i; i < calldatas.length; ++i) {
            if (calldatas[i].length >= 4 && isConstitutionalSelector(bytes4(calldatas[i]))) {
                needsSupermajority[proposalId] = true;
                break;
            }
        }
    }

    /// @notice Calls that need a supermajority on any target (issue 19, finding 7): granting or
    /// revoking a role anywhere (the marketplace's RECORDER_ROLE on the distributor, OPENER_ROLE on the
    /// validation pool, minters...), slashing stake, and the marketplace's REP rate and limits. (The
    /// weaker governors cannot make these calls at all: GovernorScope.)
    /// Internal since issue 19 round 3 (the public getter's bytes went to guardian execution).
    /// @param selector A function selector.
    function isConstitutionalSelector(bytes4 selector) internal pure returns (bool) {
        return selector == 0x2f2ff15d // grantRole(bytes32,address)
            || selector == 0xd547741f // revokeRole(bytes32,address)
            || selector == 0x02fb4d85 // slash(address,uint256)
            || selector == 0x7286a615 // setRepRate(uint256)
            || selector == 0x1fe84c1c; // setRepLimits(uint256,uint256)
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
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
}
