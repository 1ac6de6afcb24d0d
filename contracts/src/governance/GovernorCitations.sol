// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {Reputation} from "../Reputation.sol";

/// @title Citations: the reference mechanism
/// @notice A proposal may cite executed proposals of other authors of the same
/// governor. When it executes, `citationReward` REP is minted and shared equally
/// by the authors of the proposals it cites: an author is paid only when someone
/// else builds on its executed work, never for executing its own proposal, and a
/// proposal that cites nothing mints nothing. At most `citationRewardCapPerEpoch`
/// REP is minted per CITATION_EPOCH blocks (the rest is skipped,
/// {CitationRewardCapped}). The governor needs REP's MINTER_ROLE; without it the
/// proposal still executes and {CitationRewardFailed} is emitted, so a revoked
/// role can never block governance.
/// @dev `proposerShareBps` is kept (getter, setter, config) for compatibility but
/// no longer pays the citing proposer: paying it was the farming loop of finding 4.
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
    /// @notice Length of a citation-reward epoch, in the governor's clock (blocks).
    uint256 internal constant CITATION_EPOCH = 50_400;
    /// @notice The most REP this governor mints as citation rewards per epoch.
    uint256 public citationRewardCapPerEpoch;
    /// @dev Citation REP minted per epoch (clock / CITATION_EPOCH).
    mapping(uint256 epoch => uint256) internal citationRewardsInEpoch;

    mapping(uint256 proposalId => uint256[]) private _citations;

    event ProposalCited(uint256 indexed proposalId, uint256 indexed citedProposalId);
    event CitationRewardPaid(uint256 indexed proposalId, address indexed account, uint256 amount);
    event CitationRewardFailed(uint256 indexed proposalId, address indexed account, uint256 amount);
    event CitationRewardChanged(uint256 reward, uint16 proposerShareBps);
    event CitationRewardCapChanged(uint256 capPerEpoch);
    event CitationRewardCapped(uint256 indexed proposalId, address indexed account, uint256 skipped);

    error TooManyCitations(uint256 count, uint256 max);
    error UnknownCitation(uint256 proposalId);
    error DuplicateCitation(uint256 proposalId);
    error InvalidShare(uint16 bps);
    /// @notice Only executed proposals may be cited.
    error CitationNotExecuted(uint256 proposalId);
    /// @notice A proposer may not cite its own proposals.
    error SelfCitation(uint256 proposalId);

    constructor(Reputation reputation_, uint256 reward, uint16 proposerShare) {
        require(address(reputation_) != address(0)); // checked once here, not on every execution
        reputation = reputation_;
        _setCitationReward(reward, proposerShare);
        citationRewardCapPerEpoch = reward * 10;
        emit CitationRewardCapChanged(reward * 10);
    }

    /// @notice Creates a proposal that cites earlier proposals of this governor.
    /// @param targets Call targets.
    /// @param values Call values.
    /// @param calldatas Call data.
    /// @param description Proposal description.
    /// @param cited Ids of executed proposals of other proposers (at most MAX_CITATIONS, no duplicates).
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
            if (state(cited[i]) != ProposalState.Executed) revert CitationNotExecuted(cited[i]);
            if (proposalProposer(cited[i]) == _msgSender()) revert SelfCitation(cited[i]);
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

    /// @notice Sets the most citation REP minted per epoch. Governance only.
    /// @param capPerEpoch REP per CITATION_EPOCH blocks.
    function setCitationRewardCap(uint256 capPerEpoch) external onlyGovernance {
        citationRewardCapPerEpoch = capPerEpoch;
        emit CitationRewardCapChanged(capPerEpoch);
    }

    function _setCitationReward(uint256 reward, uint16 proposerShare) internal {
        if (proposerShare > 10_000) revert InvalidShare(proposerShare);
        citationReward = reward;
        proposerShareBps = proposerShare;
        emit CitationRewardChanged(reward, proposerShare);
    }

    /// @dev Called after a proposal's operations executed: the cited authors share the reward.
    function _rewardCitations(uint256 proposalId) internal {
        uint256[] storage cited = _citations[proposalId];
        uint256 n = cited.length;
        if (n == 0) return; // nothing cited, nothing minted
        uint256 reward = citationReward;
        if (reward == 0) return;
        uint256 each = reward / n;
        uint256 epoch = clock() / CITATION_EPOCH;
        uint256 minted = citationRewardsInEpoch[epoch];
        uint256 cap = citationRewardCapPerEpoch;
        for (uint256 i; i < n; ++i) {
            address author = proposalProposer(cited[i]);
            uint256 amount = each;
            uint256 room = cap > minted ? cap - minted : 0;
            if (amount > room) {
                emit CitationRewardCapped(proposalId, author, amount - room);
                amount = room;
            }
            if (_mintReward(proposalId, author, amount)) minted += amount;
        }
        citationRewardsInEpoch[epoch] = minted;
    }

    function _mintReward(uint256 proposalId, address account, uint256 amount) private returns (bool) {
        if (amount == 0) return false;
        try reputation.mint(account, amount, CITATION_REASON) {
            totalCitationRewardsMinted += amount;
            emit CitationRewardPaid(proposalId, account, amount);
            return true;
        } catch {
            emit CitationRewardFailed(proposalId, account, amount);
            return false;
        }
    }
}
