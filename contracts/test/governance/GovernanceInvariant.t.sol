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
    /// @dev Executed proposals that cited at least one proposal (the only ones that mint REP).
    mapping(uint256 g => uint256) public executedCiting;
    mapping(uint256 g => uint256[]) internal executedIds;
    mapping(uint256 g => mapping(uint256 id => address)) internal proposerOf;
    /// @dev How many executed proposals cited one of the author's proposals (each pays it <= reward).
    mapping(address author => uint256) public timesCited;
    /// @dev Successful calls per action: the invariants are not vacuous.
    uint256 public proposed;
    uint256 public votes;
    uint256 public executions;
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
        // Cite up to two executed proposals of other authors (the only citable ones).
        uint256 n = executedIds[g].length;
        uint256[] memory pick = new uint256[](2);
        uint256 k;
        for (uint256 i; i < n && k < citeSeed % 3; ++i) {
            uint256 id = executedIds[g][(citeSeed / 3 + i) % n];
            if (proposerOf[g][id] != actor && (k == 0 || pick[0] != id)) pick[k++] = id;
        }
        uint256[] memory cited = new uint256[](k);
        for (uint256 i; i < k; ++i) {
            cited[i] = pick[i];
        }
        vm.prank(actor);
        try GovernorCitations(payable(address(govs[g])))
            .proposeWithCitations(p.targets, p.values, p.calldatas, p.description, cited) returns (
            uint256 id
        ) {
            idsOf[g].push(id);
            proposalsOf[g].push(p);
            proposerOf[g][id] = actor;
            ++proposed;
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
        // Reach the voting period (the review phase is 10 blocks) so that votes really happen.
        if (govs[g].state(id) == IGovernor.ProposalState.Pending) vm.roll(govs[g].proposalSnapshot(id) + 1);
        vm.prank(actor);
        try govs[g].castVote(id, support % 3) returns (uint256 weight) {
            if (ghostVoted[g][id][actor]) ++doubleVotes;
            ghostVoted[g][id][actor] = true;
            ghostWeight[g][id] += weight;
            ++votes;
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
        if (gov.state(idsOf[g][i]) == IGovernor.ProposalState.Active) vm.roll(gov.proposalDeadline(idsOf[g][i]) + 1);
        if (gov.state(idsOf[g][i]) == IGovernor.ProposalState.Succeeded) {
            try gov.queue(p.targets, p.values, p.calldatas, p.descriptionHash) {} catch {}
        }
        if (gov.state(idsOf[g][i]) == IGovernor.ProposalState.Queued) {
            vm.warp(block.timestamp + DELAY);
            uint256 id = idsOf[g][i];
            try gov.execute(p.targets, p.values, p.calldatas, p.descriptionHash) {
                ++executed[g];
                ++executions;
                executedIds[g].push(id);
                uint256[] memory cited = GovernorCitations(payable(address(gov))).citations(id);
                if (cited.length > 0) ++executedCiting[g];
                for (uint256 c; c < cited.length; ++c) {
                    ++timesCited[proposerOf[g][cited[c]]];
                }
            } catch {}
        }
    }
}

/// forge-config: default.invariant.runs = 256
/// forge-config: default.invariant.depth = 64
/// forge-config: default.invariant.fail-on-revert = true
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
        // The handler stands in for the guardians (2-of-3 confirmations are GuardianMultisig's own
        // tests): the weaker governors' proposals retune themselves, which is constitutional.
        vm.prank(address(timelock));
        timelock.grantRole(GUARDIAN_ROLE, address(handler));
    }


    /// The handler really reaches execution with citations (so the invariants are not vacuous).
    function test_handler_executesCitingProposals() public {
        handler.propose(0, 0, 0); // alice, token governor
        handler.propose(2, 2, 0); // carol, member governor
        handler.advance(11);
        for (uint256 a; a < 3; ++a) {
            handler.castVote(0, a, 0, 1);
            handler.castVote(2, a, 0, 1);
            handler.castVote(0, a, 0, 0); // second attempts are rejected
        }
        handler.advance(60);
        handler.advance(60);
        handler.queueAndExecute(0, 0);
        handler.queueAndExecute(2, 0);
        assertEq(handler.executed(0), 1);
        assertEq(handler.executed(2), 1);
        assertEq(rep.balanceOf(alice), 10e18, "no REP without a citation");
        handler.propose(0, 1, 1); // bob cites alice's executed proposal
        handler.advance(11);
        for (uint256 a; a < 3; ++a) {
            handler.castVote(0, a, 1, 1);
        }
        handler.advance(60);
        handler.advance(60);
        handler.queueAndExecute(0, 1);
        assertEq(handler.executed(0), 2);
        assertEq(handler.executedCiting(0), 1);
        assertEq(rep.balanceOf(alice), 10e18 + CITATION_REWARD, "the cited author is paid");
        assertEq(rep.balanceOf(bob), 10e18, "the citing proposer is not");
        invariant_noAddressVotesTwice();
        invariant_citationRewardsOnlyWhenCited();
        invariant_onlyTokenGovernorMovesTreasury();
    }

    /// Each run did real work: proposals succeeded (votes and executions: test_handler_* and the
    /// handler's counters, which the invariants' tallies depend on).
    function afterInvariant() public view {
        assertGt(handler.proposed() + handler.votes() + handler.executions(), 0, "no handler call did anything");
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

    /// Citation REP is minted only for executed proposals that cite others, at most the reward each,
    /// and only to authors whose executed proposals were cited; it is all the REP there is.
    function invariant_citationRewardsOnlyWhenCited() public view {
        uint256 total = governor.totalCitationRewardsMinted() + quadratic.totalCitationRewardsMinted()
            + member.totalCitationRewardsMinted();
        assertLe(governor.totalCitationRewardsMinted(), handler.executedCiting(0) * CITATION_REWARD, "token");
        assertLe(quadratic.totalCitationRewardsMinted(), handler.executedCiting(1) * CITATION_REWARD, "quadratic");
        assertLe(member.totalCitationRewardsMinted(), handler.executedCiting(2) * CITATION_REWARD, "member");
        assertEq(rep.totalSupply() - initialRep, total, "REP supply growth");
        address[3] memory authors = [alice, bob, carol];
        for (uint256 i; i < 3; ++i) {
            assertLe(rep.balanceOf(authors[i]) - 10e18, handler.timesCited(authors[i]) * CITATION_REWARD, "uncited paid");
        }
    }
}

interface GovernorCitationsVotes {
    function proposalVotes(uint256 proposalId) external view returns (uint256, uint256, uint256);
}
