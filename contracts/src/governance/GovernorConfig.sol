// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

/// @notice Deploy-time settings shared by the three Computronium governors.
/// @param name EIP-712 name of the governor.
/// @param votingDelay Review phase, in blocks, between proposing and voting.
/// @param votingPeriod Voting period in blocks.
/// @param proposalThreshold Votes (in the governor's own weighting) needed to propose.
/// @param quorum Governor-specific: percent of supply (token, quadratic) or member count (1p1v).
/// @param citationReward REP minted when a proposal executes.
/// @param proposerShareBps Proposer's share of that reward when it cites others.
/// @param constitutionalTargets Contracts whose proposals need a supermajority.
/// @param reputationAge Blocks REP must be held before a snapshot to count (member and quadratic governors).
struct GovernorConfig {
    string name;
    uint48 votingDelay;
    uint32 votingPeriod;
    uint256 proposalThreshold;
    uint256 quorum;
    uint256 citationReward;
    uint16 proposerShareBps;
    address[] constitutionalTargets;
    uint48 reputationAge;
}
