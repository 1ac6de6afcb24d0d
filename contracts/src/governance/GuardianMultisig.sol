// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title Guardian multisig (k-of-n)
/// @notice A fixed set of guardians; any call confirmed by `threshold` of them
/// can be executed. Its purpose is to hold the timelock's CANCELLER_ROLE so a
/// malicious or mistaken proposal can be stopped while queued; it holds no
/// other power. {proposeCancel} is the shortcut for that. Holding the timelock's
/// GUARDIAN_ROLE too, it is also how a constitutional proposal executes before its
/// guardian window ends (GovernorSupermajority): {proposeExecute}, then k-of-n
/// confirmations, then {execute}.
/// @dev Guardians and threshold are fixed at deployment: governance replaces
/// the multisig (by moving CANCELLER_ROLE) rather than editing it.
contract GuardianMultisig {
    /// @notice At most this many timelock cancels per CANCEL_PERIOD (issue 19, finding 7): the
    /// guardians can stop a few operations, not every attempt to replace them — governance
    /// schedules one more removal than the budget and it stands.
    uint256 public constant MAX_CANCELS_PER_PERIOD = 3;
    uint256 public constant CANCEL_PERIOD = 30 days;

    struct Transaction {
        address target;
        bool executed;
        uint32 confirmations;
        bytes data;
    }

    /// @notice Confirmations needed to execute.
    uint256 public immutable threshold;
    /// @notice The timelock whose queued operations the guardians may cancel.
    TimelockController public immutable timelock;
    /// @notice Guardian addresses, in deployment order.
    address[] public guardians;
    /// @notice Whether an address is a guardian.
    mapping(address account => bool) public isGuardian;
    /// @notice Submitted transactions by id.
    Transaction[] public transactions;
    /// @notice Whether a guardian confirmed a transaction.
    mapping(uint256 txId => mapping(address guardian => bool)) public confirmed;
    /// @notice Start of the current cancel budget period, and cancels executed in it.
    uint256 public cancelPeriodStart;
    uint256 public cancelsInPeriod;

    event TransactionSubmitted(uint256 indexed txId, address indexed guardian, address indexed target, bytes data);
    event TransactionConfirmed(uint256 indexed txId, address indexed guardian);
    event ConfirmationRevoked(uint256 indexed txId, address indexed guardian);
    event TransactionExecuted(uint256 indexed txId, address indexed guardian);

    error NotGuardian(address account);
    error InvalidThreshold(uint256 threshold, uint256 guardians);
    error InvalidGuardian(address account);
    error UnknownTransaction(uint256 txId);
    error AlreadyConfirmed(uint256 txId, address guardian);
    error NotConfirmed(uint256 txId, address guardian);
    error AlreadyExecuted(uint256 txId);
    error ThresholdNotReached(uint256 txId, uint256 confirmations, uint256 threshold);
    error CancelBudgetExhausted(uint256 renewsAt);

    modifier onlyGuardian() {
        if (!isGuardian[msg.sender]) revert NotGuardian(msg.sender);
        _;
    }

    /// @param guardians_ The guardians (distinct, non-zero).
    /// @param threshold_ Confirmations needed, 1..guardians.
    /// @param timelock_ The timelock.
    constructor(address[] memory guardians_, uint256 threshold_, TimelockController timelock_) {
        if (threshold_ == 0 || threshold_ > guardians_.length) revert InvalidThreshold(threshold_, guardians_.length);
        for (uint256 i; i < guardians_.length; ++i) {
            address g = guardians_[i];
            if (g == address(0) || isGuardian[g]) revert InvalidGuardian(g);
            isGuardian[g] = true;
            guardians.push(g);
        }
        threshold = threshold_;
        timelock = timelock_;
    }

    /// @notice Submits a call and confirms it for the caller. Guardians only.
    /// @param target Contract to call.
    /// @param data Call data.
    /// @return txId The transaction id.
    function submit(address target, bytes memory data) public onlyGuardian returns (uint256 txId) {
        txId = transactions.length;
        transactions.push(Transaction({target: target, executed: false, confirmations: 0, data: data}));
        emit TransactionSubmitted(txId, msg.sender, target, data);
        confirm(txId);
    }

    /// @notice Submits (and confirms) cancelling timelock operation `operationId`. Guardians only.
    /// @param operationId The timelock operation id (the governor's queued proposal).
    /// @return txId The transaction id.
    function proposeCancel(bytes32 operationId) external returns (uint256 txId) {
        return submit(address(timelock), abi.encodeCall(TimelockController.cancel, (operationId)));
    }

    /// @notice Submits (and confirms) executing a governor's queued proposal (a constitutional one
    /// needs the guardians: GovernorSupermajority). Guardians only.
    /// @param governor The governor that holds the proposal.
    /// @return txId The transaction id.
    function proposeExecute(
        address governor,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        bytes32 descriptionHash
    ) external returns (uint256 txId) {
        return submit(governor, abi.encodeCall(IGovernor.execute, (targets, values, calldatas, descriptionHash)));
    }

    /// @notice Confirms transaction `txId`. Guardians only.
    function confirm(uint256 txId) public onlyGuardian {
        Transaction storage t = _pending(txId);
        if (confirmed[txId][msg.sender]) revert AlreadyConfirmed(txId, msg.sender);
        confirmed[txId][msg.sender] = true;
        t.confirmations += 1;
        emit TransactionConfirmed(txId, msg.sender);
    }

    /// @notice Withdraws the caller's confirmation of transaction `txId`. Guardians only.
    function revokeConfirmation(uint256 txId) external onlyGuardian {
        Transaction storage t = _pending(txId);
        if (!confirmed[txId][msg.sender]) revert NotConfirmed(txId, msg.sender);
        confirmed[txId][msg.sender] = false;
        t.confirmations -= 1;
        emit ConfirmationRevoked(txId, msg.sender);
    }

    /// @notice Executes transaction `txId` once it has `threshold` confirmations. Guardians only.
    function execute(uint256 txId) external onlyGuardian {
        Transaction storage t = _pending(txId);
        if (t.confirmations < threshold) revert ThresholdNotReached(txId, t.confirmations, threshold);
        bytes memory data = t.data;
        if (t.target == address(timelock) && data.length >= 4 && bytes4(data) == TimelockController.cancel.selector) {
            _spendCancel();
        }
        t.executed = true;
        emit TransactionExecuted(txId, msg.sender);
        Address.functionCall(t.target, data);
    }

    /// @notice Number of guardians.
    function guardianCount() external view returns (uint256) {
        return guardians.length;
    }

    /// @notice Number of submitted transactions.
    function transactionCount() external view returns (uint256) {
        return transactions.length;
    }

    /// @notice Timelock cancels the guardians may still execute in the current period.
    function cancelsLeft() external view returns (uint256) {
        if (cancelsInPeriod == 0 || block.timestamp >= cancelPeriodStart + CANCEL_PERIOD) return MAX_CANCELS_PER_PERIOD;
        return MAX_CANCELS_PER_PERIOD - cancelsInPeriod;
    }

    function _spendCancel() private {
        // A period starts with its first cancel.
        if (cancelsInPeriod == 0 || block.timestamp >= cancelPeriodStart + CANCEL_PERIOD) {
            cancelPeriodStart = block.timestamp;
            cancelsInPeriod = 0;
        }
        if (cancelsInPeriod >= MAX_CANCELS_PER_PERIOD) revert CancelBudgetExhausted(cancelPeriodStart + CANCEL_PERIOD);
        cancelsInPeriod += 1;
    }

    function _pending(uint256 txId) private view returns (Transaction storage t) {
        if (txId >= transactions.length) revert UnknownTransaction(txId);
        t = transactions[txId];
        if (t.executed) revert AlreadyExecuted(txId);
    }
}
