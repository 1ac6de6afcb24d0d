// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceBase} from "../utils/GovernanceBase.sol";
import {GovernorCitations} from "../../src/governance/GovernorCitations.sol";
import {Reputation} from "../../src/Reputation.sol";

/// @dev Random proposals (with citations), votes, queues and executions across the three governors.
contract GovernanceHandler is GovernanceBase {
    Governor[3] internal govs;
    address[] internal actors;
    uint256 internal constant DELAY = 1 days;

    mapping(uint256 g => Proposal[]) internal proposalsOf;
    mapping(uint256 g => uint256[]) public idsOf;
    mapping(uint256 g => mapping(uint256 id => mapping(address voter => bool))) public ghostVoted;
    mapping(uint256 g => mapping(uint256 id => uint256)) public ghostWeight;
    mapping(uint256 g => uint256) public executed;
    uint256 public doubleVotes;
    uint256 internal nonce;

    constructor(Governor[3] memory govs_, address[] memory actors_, address token_) {
        govs = govs_;
        actors = actors_;
        tokenAddr = token_;
    }

    address internal tokenAddr;

    function proposalCount(uint256 g) external view returns (uint256) {
        return idsOf[g].length;
    }

    function propose(uint256 g, uint256 a, uint256 citeSeed) external {
        g %= 3;
        address actor = actors[a % actors.length];
        // The token governor pays 1 CTRN from the treasury; the weaker governors may only retune
        // their own voting period (they cannot move the treasury).
        string memory description = string(abi.encodePacked("proposal ", bytes32(++nonce)));
        Proposal memory p = g == 0
            ? singleCall(tokenAddr, abi.encodeWithSignature("transfer(address,uint256)", actor, 1e18), description)
            : singleCall(address(govs[g]), abi.encodeWithSignature("setVotingPeriod(uint32)", uint32(100)), description);
        uint256 n = idsOf[g].length;
        uint256 k = n == 0 ? 0 : citeSeed % 3; // 0..2 citations
        if (k > n) k = n;
        uint256[] memory cited = new uint256[](k);
        for (uint256 i; i < k; ++i) {
            cited[i] = idsOf[g][(citeSeed / 3 + i) % n];
        }
        vm.prank(actor);
        try GovernorCitations(payable(address(govs[g])))
            .proposeWithCitations(p.targets, p.values, p.calldatas, p.description, cited) returns (
            uint256 id
        ) {
            idsOf[g].push(id);
            proposalsOf[g].push(p);
        } catch {}
    }

    /// @dev A weaker governor's treasury transfer: must never be accepted.
    function proposeTreasuryOnWeak(uint256 g, uint256 a, uint256 amount) external {
        g = 1 + g % 2;
        address actor = actors[a % actors.length];
        Proposal memory p = singleCall(
            tokenAddr,
            abi.encodeWithSignature("transfer(address,uint256)", actor, bound(amount, 1, 1e24)),
            string(abi.encodePacked("weak treasury ", bytes32(++nonce)))
        );
        vm.prank(actor);
        try govs[g].propose(p.targets, p.values, p.calldatas, p.description) {
            ++weakTreasuryProposals;
        } catch {}
    }

    uint256 public weakTreasuryProposals;

    function castVote(uint256 g, uint256 a, uint256 pSeed, uint8 support) external {
        g %= 3;
        if (idsOf[g].length == 0) return;
        uint256 id = idsOf[g][pSeed % idsOf[g].length];
        address actor = actors[a % actors.length];
        vm.prank(actor);
        try govs[g].castVote(id, support % 3) returns (uint256 weight) {
            if (ghostVoted[g][id][actor]) ++doubleVotes;
            ghostVoted[g][id][actor] = true;
            ghostWeight[g][id] += weight;
        } catch {}
    }

    function advance(uint256 blocks) external {
        vm.roll(block.number + bound(blocks, 1, 60));
        vm.warp(block.timestamp + 12 hours);
    }

    function queueAndExecute(uint256 g, uint256 pSeed) external {
        g %= 3;
        if (idsOf[g].length == 0) return;
        uint256 i = pSeed % idsOf[g].length;
        Proposal memory p = proposalsOf[g][i];
        Governor gov = govs[g];
        if (gov.state(idsOf[g][i]) == IGovernor.ProposalState.Succeeded) {
            try gov.queue(p.targets, p.values, p.calldatas, p.descriptionHash) {} catch {}
        }
        if (gov.state(idsOf[g][i]) == IGovernor.ProposalState.Queued) {
            vm.warp(block.timestamp + DELAY);
            try gov.execute(p.targets, p.values, p.calldatas, p.descriptionHash) {
                ++executed[g];
            } catch {}
        }
    }
}

contract GovernanceInvariantTest is GovernanceBase {
    GovernanceHandler internal handler;
    uint256 internal initialRep;

    function setUp() public {
        deployProtocol();
        address[] memory actors = new address[](3);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        for (uint256 i; i < 3; ++i) {
            fundAndDelegate(actors[i], 30_000_000e18);
            rep.mint(actors[i], 10e18, "test");
        }
        initialRep = rep.totalSupply();
        vm.roll(block.number + REPUTATION_AGE + 1);
        handler = new GovernanceHandler(
            [Governor(payable(governor)), Governor(payable(quadratic)), Governor(payable(member))],
            actors,
            address(token)
        );
        targetContract(address(handler));
    }

    /// The handler really reaches execution with citations (so the invariants are not vacuous).
    function test_handler_executesCitingProposals() public {
        handler.propose(0, 0, 0);
        handler.propose(0, 1, 1); // cites the first
        handler.propose(2, 2, 0);
        handler.advance(11);
        for (uint256 a; a < 3; ++a) {
            handler.castVote(0, a, 0, 1);
            handler.castVote(0, a, 1, 1);
            handler.castVote(2, a, 0, 1);
            handler.castVote(0, a, 0, 0); // second attempts are rejected
        }
        handler.advance(60);
        handler.advance(60);
        handler.queueAndExecute(0, 0);
        handler.queueAndExecute(0, 1);
        handler.queueAndExecute(2, 0);
        assertEq(handler.executed(0), 2);
        assertEq(handler.executed(2), 1);
        assertEq(rep.balanceOf(bob), 10e18 + CITATION_REWARD / 2);
        assertEq(rep.balanceOf(alice), 10e18 + CITATION_REWARD + CITATION_REWARD / 2);
        invariant_noAddressVotesTwice();
        invariant_citationRewardsEqualMinted();
    }

    /// No governor other than the token governor moves treasury funds: the treasury only ever paid the
    /// token governor's executed 1-CTRN grants, and no weaker governor accepted a treasury proposal.
    function invariant_onlyTokenGovernorMovesTreasury() public view {
        assertEq(handler.weakTreasuryProposals(), 0, "a weaker governor accepted a treasury transfer");
        assertEq(token.balanceOf(address(timelock)), TREASURY_AMOUNT - handler.executed(0) * 1e18, "treasury outflow");
    }

    /// No address ever has a second vote counted, and every tally is exactly the votes cast.
    function invariant_noAddressVotesTwice() public view {
        assertEq(handler.doubleVotes(), 0);
        Governor[3] memory govs = [Governor(payable(governor)), Governor(payable(quadratic)), Governor(payable(member))];
        for (uint256 g; g < 3; ++g) {
            uint256 n = handler.proposalCount(g);
            for (uint256 i; i < n; ++i) {
                uint256 id = handler.idsOf(g, i);
                (uint256 against, uint256 for_, uint256 abstain) =
                    GovernorCitationsVotes(address(govs[g])).proposalVotes(id);
                assertEq(against + for_ + abstain, handler.ghostWeight(g, id), "tally == votes cast once");
            }
        }
    }

    /// Each executed proposal mints exactly the citation reward, split among proposer and cited authors.
    function invariant_citationRewardsEqualMinted() public view {
        uint256 total = governor.totalCitationRewardsMinted() + quadratic.totalCitationRewardsMinted()
            + member.totalCitationRewardsMinted();
        assertEq(governor.totalCitationRewardsMinted(), handler.executed(0) * CITATION_REWARD);
        assertEq(quadratic.totalCitationRewardsMinted(), handler.executed(1) * CITATION_REWARD);
        assertEq(member.totalCitationRewardsMinted(), handler.executed(2) * CITATION_REWARD);
        assertEq(rep.totalSupply() - initialRep, total);
    }
}

interface GovernorCitationsVotes {
    function proposalVotes(uint256 proposalId) external view returns (uint256, uint256, uint256);
}
