// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {GovernanceBase} from "./utils/GovernanceBase.sol";
import {console} from "./utils/Test.sol";
import {BaselineToken, BaselineGovernor} from "./gas/Baseline.sol";

/// @dev Gas per operation of our stack (CTRN + TokenGovernor + StakingHub) against OpenZeppelin's plain
/// ERC20Votes + Governor (with the same timelock kind), deployed in the same run. Each stack is set up in
/// setUp (its own transaction), and each measured test runs the same sequence, so storage starts cold
/// alike. Run: forge test --match-contract GasComparison -vv
contract GasComparisonTest is GovernanceBase {
    BaselineToken internal baseToken;
    BaselineGovernor internal baseGovernor;
    TimelockController internal baseTimelock;
    address internal staker = makeAddr("staker");
    address internal agent = makeAddr("agent");

    function setUp() public {
        deployProtocol();
        baseTimelock = new TimelockController(TIMELOCK_DELAY, new address[](0), new address[](0), address(this));
        baseToken = new BaselineToken(address(this), SUPPLY);
        baseGovernor =
            new BaselineGovernor(IVotes(address(baseToken)), baseTimelock, VOTING_DELAY, VOTING_PERIOD, 1_000e18);
        baseTimelock.grantRole(baseTimelock.PROPOSER_ROLE(), address(baseGovernor));
        baseTimelock.grantRole(baseTimelock.EXECUTOR_ROLE(), address(baseGovernor));
        baseToken.transfer(address(baseTimelock), TREASURY_AMOUNT);

        address[3] memory voters = [alice, bob, carol];
        for (uint256 i; i < 3; ++i) {
            fund(voters[i], 30_000_000e18);
            baseToken.transfer(voters[i], 30_000_000e18);
        }
        vm.prank(bob);
        token.delegate(bob);
        vm.prank(carol);
        token.delegate(carol);
        vm.prank(bob);
        baseToken.delegate(bob);
        vm.prank(carol);
        baseToken.delegate(carol);

        vm.prank(agent);
        hub.registerAgent("Agent", "ipfs://agent", 1_000);
        fund(staker, 1_000e18);
        fund(address(this), 10_000e18);
        token.approve(address(hub), type(uint256).max);
        vm.roll(block.number + 1);
    }

    struct Gas {
        uint256 delegate;
        uint256 propose;
        uint256 castVote;
        uint256 castVoteWithReason;
        uint256 queue;
        uint256 execute;
    }

    function _run(Governor g, IVotesLike t) internal returns (Gas memory gas) {
        uint256 before;
        vm.prank(alice);
        before = gasleft();
        t.delegate(alice);
        gas.delegate = before - gasleft();
        vm.roll(block.number + 1);

        Proposal memory p =
            singleCall(address(t), abi.encodeCall(IERC20.transfer, (recipient, 1_000e18)), "Pay the recipient");
        vm.prank(bob);
        before = gasleft();
        uint256 id = g.propose(p.targets, p.values, p.calldatas, p.description);
        gas.propose = before - gasleft();

        vm.roll(g.proposalSnapshot(id) + 1);
        vm.prank(alice);
        before = gasleft();
        g.castVote(id, 1);
        gas.castVote = before - gasleft();
        vm.prank(bob);
        before = gasleft();
        g.castVoteWithReason(id, 1, "Recipient delivered the audit");
        gas.castVoteWithReason = before - gasleft();

        vm.roll(g.proposalDeadline(id) + 1);
        before = gasleft();
        g.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
        gas.queue = before - gasleft();
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        before = gasleft();
        g.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
        gas.execute = before - gasleft();
        require(IERC20(address(t)).balanceOf(recipient) == 1_000e18, "executed");
    }

    function _log(string memory stack, Gas memory gas) internal view {
        console.log(stack);
        console.log("  delegate", gas.delegate);
        console.log("  propose", gas.propose);
        console.log("  castVote", gas.castVote);
        console.log("  castVoteWithReason", gas.castVoteWithReason);
        console.log("  queue", gas.queue);
        console.log("  execute", gas.execute);
    }

    // Each stack is measured in its own test (its own transaction), so neither inherits the other's
    // warm accounts and slots (EIP-2929).

    function test_gas_ours() public {
        _log("ours: CTRN + TokenGovernor", _run(governor, IVotesLike(address(token))));
    }

    function test_gas_openZeppelinBaseline() public {
        _log("baseline: OpenZeppelin ERC20Votes + Governor", _run(baseGovernor, IVotesLike(address(baseToken))));
    }

    function test_gas_stakeAndClaim() public {
        uint256 before;
        vm.prank(staker);
        before = gasleft();
        hub.stake(agent, 1_000e18);
        uint256 stakeGas = before - gasleft();
        hub.notifyReward(agent, 100e18);
        vm.warp(block.timestamp + 1 days); // rewards stream over a day (issue 19, finding 6)
        vm.prank(staker);
        before = gasleft();
        hub.claim(agent);
        uint256 claimGas = before - gasleft();
        console.log("ours: StakingHub (no OpenZeppelin counterpart)");
        console.log("  stake", stakeGas);
        console.log("  claim", claimGas);
    }
}

interface IVotesLike {
    function delegate(address) external;
}
