// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Reputation} from "../Reputation.sol";

/// @title Limited powers and aged reputation for the weaker governors
/// @notice The member and quadratic governors share the timelock (the treasury's
/// owner) with the token governor, so on their own they could move the treasury,
/// slash agents or grant roles with a far cheaper majority. This module limits
/// them to an allowlist of (target, selector) calls with no ETH value, checked when
/// a proposal is created and again when it is queued. The allowlist belongs to the
/// `scopeAdmin` — the token governor after deployment (it calls in through
/// {Governor-relay}, i.e. only through its own executed proposals) — never to the
/// governor itself: a weaker governor cannot widen its own powers. Some calls can
/// never be allowlisted (role changes, token transfers and approvals, slashing,
/// relaying, the timelock itself), so even a mistaken allowlist cannot hand these
/// powers to REP-weighted votes.
/// @dev Reputation counts for governance only once it has aged: the REP of an
/// account at a timepoint `t` is min(REP at t, REP at t - reputationAge), read
/// from REP's checkpoints. REP earned (or farmed) less than `reputationAge`
/// blocks before a proposal's snapshot does not count for it; a slash after
/// t - age still does (the minimum).
abstract contract GovernorScope is Governor {
    /// @notice Who manages the allowlist and the reputation age (the token governor).
    address public scopeAdmin;
    /// @notice Blocks REP must be held before a snapshot to count (fixed at deployment).
    uint48 public immutable reputationAge;
    /// @notice Calls this governor's proposals may make.
    mapping(address target => mapping(bytes4 selector => bool)) public isAllowedCall;

    event ScopeAdminChanged(address indexed oldAdmin, address indexed newAdmin);
    event AllowedCallSet(address indexed target, bytes4 indexed selector, bool allowed);

    /// @notice The caller is not the scope admin.
    error NotScopeAdmin(address caller);
    /// @notice A proposal of this governor may not make this call.
    error CallNotAllowed(address target, bytes4 selector);
    /// @notice A proposal of this governor may not send ETH.
    error ValueNotAllowed(uint256 value);
    /// @notice This call can never be given to a weaker governor.
    error CallNeverAllowed(address target, bytes4 selector);

    modifier onlyScopeAdmin() {
        if (msg.sender != scopeAdmin) revert NotScopeAdmin(msg.sender);
        _;
    }

    /// @param age Initial reputation age in blocks. The deployer is the first scope admin: it
    /// allowlists the initial calls and hands the role to the token governor.
    constructor(uint48 age) {
        scopeAdmin = msg.sender;
        reputationAge = age;
        emit ScopeAdminChanged(address(0), msg.sender);
    }

    /// @notice Allows or forbids proposals of this governor to call `selector` on `target`. Scope admin only.
    /// @param target The contract.
    /// @param selector The function.
    /// @param allowed Whether proposals may call it.
    function setAllowedCall(address target, bytes4 selector, bool allowed) external onlyScopeAdmin {
        if (allowed && _neverAllowed(target, selector)) revert CallNeverAllowed(target, selector);
        isAllowedCall[target][selector] = allowed;
        emit AllowedCallSet(target, selector, allowed);
    }

    /// @notice Hands the scope to `newAdmin` (the token governor). Scope admin only.
    function setScopeAdmin(address newAdmin) external onlyScopeAdmin {
        emit ScopeAdminChanged(scopeAdmin, newAdmin);
        scopeAdmin = newAdmin;
    }

    /// @notice REP of `account` that has aged at `timepoint`: min(REP at t, REP at t - age).
    function agedReputation(address account, uint256 timepoint) public view returns (uint256) {
        return _scopeReputation().agedVotes(account, timepoint, reputationAge);
    }

    /// @dev The reputation token (provided by the citations module).
    function _scopeReputation() internal view virtual returns (Reputation);

    /// @dev Calls that would give REP-weighted votes the token holders' powers.
    function _neverAllowed(address target, bytes4 selector) internal view virtual returns (bool) {
        return target == _executor() || selector == IAccessControl.grantRole.selector
            || selector == IAccessControl.revokeRole.selector || selector == IAccessControl.renounceRole.selector
            || selector == IERC20.transfer.selector || selector == IERC20.transferFrom.selector
            || selector == IERC20.approve.selector || selector == bytes4(keccak256("slash(address,uint256)"))
            || selector == bytes4(keccak256("slash(address,uint256,bytes32)")) || selector == this.relay.selector
            || selector == this.setAllowedCall.selector || selector == this.setScopeAdmin.selector;
    }

    /// @dev Every call of a proposal must be allowlisted and carry no ETH.
    function _checkScope(address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
        internal
        view
    {
        for (uint256 i; i < targets.length; ++i) {
            if (values[i] != 0) revert ValueNotAllowed(values[i]);
            bytes4 selector = bytes4(calldatas[i]);
            // setAllowedCall never admits a forbidden call, so the allowlist alone decides here.
            if (!isAllowedCall[targets[i]][selector]) revert CallNotAllowed(targets[i], selector);
        }
    }
}
