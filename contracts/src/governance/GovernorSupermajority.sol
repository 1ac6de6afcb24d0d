// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";

/// @title Supermajority for proposals that change governance itself
/// @notice A proposal that calls any "constitutional" target (the timelock,
/// the governors, the reputation token: whatever governance lists) needs
/// two thirds of the for+against votes cast, instead of a simple majority.
/// @dev The classification is fixed when the proposal is created. The list of
/// targets is itself changed only through governance (a call to this
/// governor, which is always constitutional).
abstract contract GovernorSupermajority is Governor {
    /// @notice Supermajority: forVotes * DENOMINATOR >= (forVotes + againstVotes) * NUMERATOR.
    uint256 public constant SUPERMAJORITY_NUMERATOR = 2;
    uint256 public constant SUPERMAJORITY_DENOMINATOR = 3;

    /// @notice Targets whose proposals need a supermajority.
    mapping(address target => bool) public isConstitutionalTarget;
    /// @notice Whether a proposal needs a supermajority (fixed at creation).
    mapping(uint256 proposalId => bool) public needsSupermajority;

    /// @notice `target` was added to or removed from the constitutional targets.
    event ConstitutionalTargetSet(address indexed target, bool constitutional);

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

    /// @dev Two thirds of for+against (abstentions do not count here; they count for quorum).
    function _supermajorityReached(uint256 forVotes, uint256 againstVotes) internal pure returns (bool) {
        return forVotes > againstVotes
            && forVotes * SUPERMAJORITY_DENOMINATOR >= (forVotes + againstVotes) * SUPERMAJORITY_NUMERATOR;
    }
}
