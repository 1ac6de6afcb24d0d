// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Protocol} from "./Protocol.sol";
import {GovernorSupermajority} from "../../src/governance/GovernorSupermajority.sol";

/// @dev Proposal helpers shared by the governor tests.
abstract contract GovernanceBase is Protocol {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");
    address internal recipient = makeAddr("recipient");

    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
        bytes32 descriptionHash;
    }

    function singleCall(address target, bytes memory data, string memory description)
        internal
        pure
        returns (Proposal memory p)
    {
        p.targets = new address[](1);
        p.targets[0] = target;
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.calldatas[0] = data;
        p.description = description;
        p.descriptionHash = keccak256(bytes(description));
    }

    /// @dev A proposal retuning `g`'s own voting period: allowed for every governor.
    function timing(Governor g, string memory description) internal pure returns (Proposal memory) {
        return singleCall(address(g), abi.encodeWithSignature("setVotingPeriod(uint32)", uint32(200)), description);
    }

    /// @dev A proposal paying `amount` treasury CTRN to `to`.
    function treasuryTransfer(address to, uint256 amount, string memory description)
        internal
        view
        returns (Proposal memory)
    {
        return singleCall(address(token), abi.encodeCall(IERC20.transfer, (to, amount)), description);
    }

    function propose(Governor g, address proposer, Proposal memory p) internal returns (uint256 id) {
        vm.prank(proposer);
        id = g.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function vote(Governor g, uint256 id, address voter, uint8 support) internal {
        vm.prank(voter);
        g.castVote(id, support);
    }

    function toVoting(Governor g, uint256 id) internal {
        vm.roll(g.proposalSnapshot(id) + 1);
    }

    function toEnd(Governor g, uint256 id) internal {
        vm.roll(g.proposalDeadline(id) + 1);
    }

    function queue(Governor g, Proposal memory p) internal returns (uint256) {
        return g.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    /// @dev Executes `p`; a constitutional proposal (refused with NeedsGuardians) goes through the
    /// guardians (2 of 3), as it must. A low-level call, so a vm.expectRevert before it still
    /// applies to the execute call itself.
    function execute(Governor g, Proposal memory p) internal returns (uint256 id) {
        id = uint256(keccak256(abi.encode(p.targets, p.values, p.calldatas, p.descriptionHash)));
        (bool ok, bytes memory err) =
            address(g).call(abi.encodeCall(IGovernor.execute, (p.targets, p.values, p.calldatas, p.descriptionHash)));
        if (ok) return id;
        if (err.length < 4 || bytes4(err) != GovernorSupermajority.NeedsGuardians.selector) {
            assembly ("memory-safe") {
                revert(add(err, 32), mload(err))
            }
        }
        executeByGuardians(g, p);
    }

    /// @dev guardian1 submits executing `p`, guardian2 confirms and executes it.
    function executeByGuardians(Governor g, Proposal memory p) internal {
        vm.prank(guardian1);
        uint256 txId = guardian.proposeExecute(address(g), p.targets, p.values, p.calldatas, p.descriptionHash);
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian2);
        guardian.execute(txId);
    }

    function queueAndExecute(Governor g, Proposal memory p) internal {
        queue(g, p);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        execute(g, p);
    }

    /// @dev The id of the timelock operation a governor schedules for `p`.
    function timelockId(Governor g, Proposal memory p) internal view returns (bytes32) {
        bytes32 salt = bytes20(address(g)) ^ p.descriptionHash;
        return timelock.hashOperationBatch(p.targets, p.values, p.calldatas, 0, salt);
    }

    function assertState(Governor g, uint256 id, IGovernor.ProposalState s) internal view {
        assertEq(uint256(g.state(id)), uint256(s));
    }
}
