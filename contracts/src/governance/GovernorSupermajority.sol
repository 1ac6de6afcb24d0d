// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @title Supermajority for proposals that change governance itself
/// @notice A proposal that calls any "constitutional" target (the timelock,
/// the governors, the reputation token: whatever governance lists) needs
/// two thirds of the for+against votes cast, instead of a simple majority.
/// Such a proposal also executes only with the guardians' k-of-n confirmation
/// (the seeds' "multisig for execution"): until GUARDIAN_EXECUTION_WINDOW after
/// its timelock ETA, only a holder of the timelock's GUARDIAN_ROLE (the guardian
/// multisig, which executes a call once `threshold` guardians confirmed it) may
/// call `execute`. After the window anyone may: the guardians can hold a
/// constitutional change for two weeks, never veto it (nor their own removal).
/// @dev The classification is fixed when the proposal is created. The list of
/// targets is itself changed only through governance (a call to this
/// governor, which is always constitutional). The guardian role lives on the
/// timelock, so governance replaces the guardians with grantRole/revokeRole there
/// (themselves supermajority calls) and no governor needs new storage.
abstract contract GovernorSupermajority is Governor {
    /// @notice Supermajority: forVotes * DENOMINATOR >= (forVotes + againstVotes) * NUMERATOR.
    uint256 public constant SUPERMAJORITY_NUMERATOR = 2;
    uint256 public constant SUPERMAJORITY_DENOMINATOR = 3;

    /// @dev keccak256("GUARDIAN_ROLE"): the timelock role whose holder executes constitutional
    /// proposals inside the window (not a public getter: the governors have no bytecode to spare).
    bytes32 internal constant GUARDIAN_ROLE = 0x55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a5041;
    /// @dev Seconds after its timelock ETA a constitutional proposal waits for the guardians before
    /// anyone may execute it.
    uint256 internal constant GUARDIAN_EXECUTION_WINDOW = 14 days;

    /// @notice Targets whose proposals need a supermajority.
    mapping(address target => bool) public isConstitutionalTarget;
    /// @notice Whether a proposal needs a supermajority (fixed at creation).
    mapping(uint256 proposalId => bool) public needsSupermajority;

    /// @notice `target` was added to or removed from the constitutional targets.
    event ConstitutionalTargetSet(address indexed target, bool constitutional);

    /// @notice A constitutional proposal executes only through the guardians until
    /// GUARDIAN_EXECUTION_WINDOW (14 days) after its ETA (`proposalEta`).
    error NeedsGuardians();

    /// @param targets The initial constitutional targets (this governor is always one).
    constructor(address[] memory targets) {
        _setConstitutionalTarget(address(this), true);
        for (uint256 i; i < targets.length; ++i) {
            _setConstitutionalTarget(targets[i], true);
        }
    }

    /// @notice Adds or removes a constitutional target. Governance only (and itself constitutional).
    /// @param target The contract.
    /// @param constitutional Whether proposals calling it need a supermajority.
    function setConstitutionalTarget(address target, bool constitutional) external onlyGovernance {
        _setConstitutionalTarget(target, constitutional);
    }

    function _setConstitutionalTarget(address target, bool constitutional) internal {
        isConstitutionalTarget[target] = constitutional;
        emit ConstitutionalTargetSet(target, constitutional);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        for (uint256 i; i < targets.length; ++i) {
            if (isConstitutionalTarget[targets[i]] || targets[i] == address(this)) {
                needsSupermajority[proposalId] = true;
                break;
            }
        }
    }

    /// @dev Called first when a proposal executes: a constitutional one needs the guardians (the
    /// caller holds the timelock's GUARDIAN_ROLE) until GUARDIAN_EXECUTION_WINDOW after its ETA.
    function _checkGuardians(uint256 proposalId) internal view {
        if (
            needsSupermajority[proposalId] && block.timestamp < proposalEta(proposalId) + GUARDIAN_EXECUTION_WINDOW
                && !_isGuardian(_executor())
        ) revert NeedsGuardians();
    }

    /// @dev `timelock.hasRole(GUARDIAN_ROLE, msg.sender)`, in assembly: the high-level call costs
    /// the governors about 250 bytes of code they do not have (EIP-170).
    function _isGuardian(address timelock) private view returns (bool yes) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, shl(224, 0x91d14854)) // hasRole(bytes32,address)
            mstore(add(m, 4), GUARDIAN_ROLE)
            mstore(add(m, 36), caller())
            mstore(0x00, 0)
            let ok := staticcall(gas(), timelock, m, 68, 0x00, 0x20) // before reading its answer
            yes := and(ok, eq(mload(0x00), 1))
        }
    }

    /// @dev Two thirds of for+against (abstentions do not count here; they count for quorum).
    function _supermajorityReached(uint256 forVotes, uint256 againstVotes) internal pure returns (bool) {
        return forVotes > againstVotes
            && forVotes * SUPERMAJORITY_DENOMINATOR >= (forVotes + againstVotes) * SUPERMAJORITY_NUMERATOR;
    }
}
