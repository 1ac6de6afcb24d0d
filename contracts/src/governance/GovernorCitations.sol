// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {Reputation} from "../Reputation.sol";

/// @title Citations: the reference mechanism
/// @notice A proposal may cite earlier proposals of the same governor. When it
/// executes, `citationReward` REP is minted and shared: `proposerShareBps` to
/// its proposer and the rest equally to the proposers of the cited proposals
/// (the proposer keeps the rounding remainder and everything when nothing is
/// cited). The governor needs REP's MINTER_ROLE; without it the proposal still
/// executes and {CitationRewardFailed} is emitted, so a revoked role can never
/// block governance.
abstract contract GovernorCitations is Governor {
    /// @notice At most this many citations per proposal.
    uint256 public constant MAX_CITATIONS = 8;
    /// @notice Reason tag on minted REP.
    bytes32 public constant CITATION_REASON = "citation";

    /// @notice The reputation token the rewards are minted in.
    Reputation public immutable reputation;
    /// @notice REP minted when a proposal executes.
    uint256 public citationReward;
    /// @notice Share of the reward kept by the proposer when it cites others, in basis points.
    uint16 public proposerShareBps;
    /// @notice All REP minted by this governor as citation rewards.
    uint256 public totalCitationRewardsMinted;

    mapping(uint256 proposalId => uint256[]) private _citations;

    event ProposalCited(uint256 indexed proposalId, uint256 indexed citedProposalId);
    event CitationRewardPaid(uint256 indexed proposalId, address indexed account, uint256 amount);
    event CitationRewardFailed(uint256 indexed proposalId, address indexed account, uint256 amount);
    event CitationRewardChanged(uint256 reward, uint16 proposerShareBps);

    error TooManyCitations(uint256 count, uint256 max);
    error UnknownCitation(uint256 proposalId);
    error DuplicateCitation(uint256 proposalId);
    error InvalidShare(uint16 bps);

    constructor(Reputation reputation_, uint256 reward, uint16 proposerShare) {
        reputation = reputation_;
        _setCitationReward(reward, proposerShare);
    }

    /// @notice Creates a proposal that cites earlier proposals of this governor.
    /// @param targets Call targets.
    /// @param values Call values.
    /// @param calldatas Call data.
    /// @param description Proposal description.
    /// @param cited Ids of earlier proposals (at most MAX_CITATIONS, no duplicates).
    /// @return proposalId The new proposal's id.
    function proposeWithCitations(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        uint256[] calldata cited
    ) public virtual returns (uint256 proposalId) {
        if (cited.length > MAX_CITATIONS) revert TooManyCitations(cited.length, MAX_CITATIONS);
        for (uint256 i; i < cited.length; ++i) {
            if (proposalSnapshot(cited[i]) == 0) revert UnknownCitation(cited[i]);
            for (uint256 j; j < i; ++j) {
                if (cited[j] == cited[i]) revert DuplicateCitation(cited[i]);
            }
        }
        proposalId = propose(targets, values, calldatas, description);
        for (uint256 i; i < cited.length; ++i) {
            _citations[proposalId].push(cited[i]);
            emit ProposalCited(proposalId, cited[i]);
        }
    }

    /// @notice The proposals `proposalId` cites.
    function citations(uint256 proposalId) external view returns (uint256[] memory) {
        return _citations[proposalId];
    }

    /// @notice Sets the REP reward per executed proposal and the proposer's share. Governance only.
    /// @param reward REP minted per executed proposal.
    /// @param proposerShare Proposer's share in basis points when it cites others (<= 10000).
    function setCitationReward(uint256 reward, uint16 proposerShare) external onlyGovernance {
        _setCitationReward(reward, proposerShare);
    }

    function _setCitationReward(uint256 reward, uint16 proposerShare) internal {
        if (proposerShare > 10_000) revert InvalidShare(proposerShare);
        citationReward = reward;
        proposerShareBps = proposerShare;
        emit CitationRewardChanged(reward, proposerShare);
    }

    /// @dev Called after a proposal's operations executed.
    function _rewardCitations(uint256 proposalId) internal {
        uint256 reward = citationReward;
        if (reward == 0 || address(reputation) == address(0)) return;
        uint256[] storage cited = _citations[proposalId];
        uint256 n = cited.length;
        uint256 each = n == 0 ? 0 : (reward - reward * proposerShareBps / 10_000) / n;
        _mintReward(proposalId, proposalProposer(proposalId), reward - each * n);
        for (uint256 i; i < n; ++i) {
            _mintReward(proposalId, proposalProposer(cited[i]), each);
        }
    }

    function _mintReward(uint256 proposalId, address account, uint256 amount) private {
        if (amount == 0) return;
        try reputation.mint(account, amount, CITATION_REASON) {
            totalCitationRewardsMinted += amount;
            emit CitationRewardPaid(proposalId, account, amount);
        } catch {
            emit CitationRewardFailed(proposalId, account, amount);
        }
    }
}
