// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Protocol} from "../utils/Protocol.sol";
import {GuardianMultisig} from "../../src/governance/GuardianMultisig.sol";

contract Target {
    uint256 public value;

    function set(uint256 v) external {
        value = v;
    }
}

contract GuardianMultisigTest is Protocol {
    Target internal target;

    function setUp() public {
        deployProtocol();
        target = new Target();
    }

    function _submit() internal returns (uint256) {
        vm.prank(guardian1);
        return guardian.submit(address(target), abi.encodeCall(Target.set, (7)));
    }

    function test_constructor_setsGuardians() public view {
        assertEq(guardian.threshold(), 2);
        assertEq(guardian.guardianCount(), 3);
        assertTrue(guardian.isGuardian(guardian2));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(guardian)));
        assertFalse(timelock.hasRole(timelock.PROPOSER_ROLE(), address(guardian)));
    }

    function test_constructor_revertsOnInvalidThreshold() public {
        address[] memory gs = new address[](2);
        gs[0] = guardian1;
        gs[1] = guardian2;
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.InvalidThreshold.selector, 3, 2));
        new GuardianMultisig(gs, 3, timelock);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.InvalidThreshold.selector, 0, 2));
        new GuardianMultisig(gs, 0, timelock);
    }

    function test_constructor_revertsOnDuplicateOrZeroGuardian() public {
        address[] memory gs = new address[](2);
        gs[0] = guardian1;
        gs[1] = guardian1;
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.InvalidGuardian.selector, guardian1));
        new GuardianMultisig(gs, 1, timelock);
        gs[1] = address(0);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.InvalidGuardian.selector, address(0)));
        new GuardianMultisig(gs, 1, timelock);
    }

    function test_submit_confirmsForSubmitter() public {
        vm.expectEmit(address(guardian));
        emit GuardianMultisig.TransactionSubmitted(0, guardian1, address(target), abi.encodeCall(Target.set, (7)));
        uint256 txId = _submit();
        assertEq(txId, 0);
        assertTrue(guardian.confirmed(0, guardian1));
        (,, uint32 confirmations,) = guardian.transactions(0);
        assertEq(confirmations, 1);
        assertEq(guardian.transactionCount(), 1);
    }

    function test_submit_revertsForNonGuardian() public {
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.NotGuardian.selector, address(this)));
        guardian.submit(address(target), "");
    }

    function test_execute_afterThreshold() public {
        uint256 txId = _submit();
        vm.prank(guardian2);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.ThresholdNotReached.selector, txId, 1, 2));
        guardian.execute(txId);
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian2);
        vm.expectEmit(address(guardian));
        emit GuardianMultisig.TransactionExecuted(txId, guardian2);
        guardian.execute(txId);
        assertEq(target.value(), 7);
        vm.prank(guardian3);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.AlreadyExecuted.selector, txId));
        guardian.execute(txId);
    }

    function test_confirm_revertsTwice() public {
        uint256 txId = _submit();
        vm.prank(guardian1);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.AlreadyConfirmed.selector, txId, guardian1));
        guardian.confirm(txId);
    }

    function test_confirm_revertsOnUnknown() public {
        vm.prank(guardian1);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.UnknownTransaction.selector, 5));
        guardian.confirm(5);
    }

    function test_revokeConfirmation_lowersCount() public {
        uint256 txId = _submit();
        vm.prank(guardian1);
        guardian.revokeConfirmation(txId);
        assertFalse(guardian.confirmed(txId, guardian1));
        vm.prank(guardian1);
        vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.NotConfirmed.selector, txId, guardian1));
        guardian.revokeConfirmation(txId);
    }

    function test_proposeCancel_revertsForUnknownOperation() public {
        vm.prank(guardian1);
        uint256 txId = guardian.proposeCancel(bytes32(uint256(1)));
        vm.prank(guardian2);
        guardian.confirm(txId);
        vm.prank(guardian2);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                bytes32(uint256(1)),
                bytes32(uint256(1) << 1) | bytes32(uint256(1) << 2)
            )
        );
        guardian.execute(txId);
    }

    /// At most MAX_CANCELS_PER_PERIOD timelock cancels per CANCEL_PERIOD (issue 19, finding 7).
    function test_execute_cancelBudget() public {
        bytes memory data = abi.encodeCall(Target.set, (1));
        bytes32[4] memory ids;
        for (uint256 i; i < 4; ++i) {
            vm.prank(address(governor));
            timelock.schedule(address(target), 0, data, bytes32(0), bytes32(i), TIMELOCK_DELAY);
            ids[i] = timelock.hashOperation(address(target), 0, data, bytes32(0), bytes32(i));
        }
        assertEq(guardian.cancelsLeft(), 3);
        uint256 txId;
        for (uint256 i; i < 4; ++i) {
            vm.prank(guardian1);
            txId = guardian.proposeCancel(ids[i]);
            vm.prank(guardian2);
            guardian.confirm(txId);
            uint256 renewsAt = block.timestamp + guardian.CANCEL_PERIOD();
            vm.prank(guardian2);
            if (i == 3) {
                vm.expectRevert(abi.encodeWithSelector(GuardianMultisig.CancelBudgetExhausted.selector, renewsAt));
            }
            guardian.execute(txId);
        }
        assertEq(guardian.cancelsLeft(), 0);
        vm.warp(block.timestamp + guardian.CANCEL_PERIOD());
        assertEq(guardian.cancelsLeft(), 3);
        vm.prank(guardian2);
        guardian.execute(txId); // a new period: the fourth cancel goes through
        assertFalse(timelock.isOperation(ids[3]));
    }

    function test_fuzz_onlyThresholdExecutes(uint8 confirmations) public {
        confirmations = uint8(bound(confirmations, 1, 3));
        uint256 txId = _submit();
        address[3] memory gs = [guardian1, guardian2, guardian3];
        for (uint256 i = 1; i < confirmations; ++i) {
            vm.prank(gs[i]);
            guardian.confirm(txId);
        }
        vm.prank(guardian1);
        if (confirmations < 2) {
            vm.expectRevert(
                abi.encodeWithSelector(GuardianMultisig.ThresholdNotReached.selector, txId, confirmations, 2)
            );
        }
        guardian.execute(txId);
    }
}
