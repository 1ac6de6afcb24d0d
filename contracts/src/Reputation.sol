// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title Computronium reputation (REP)
/// @notice Non-transferable, checkpointed reputation. Earned, never bought:
/// minted only by authorised minters (marketplace settlement, validation
/// pools, executed proposals) and burned by slashers. Usable as IVotes.
/// @dev Built on ERC20Votes so wallets and governors read it like any votes
/// token. Transfers, approvals and delegation to others are disabled: every
/// holder is self-delegated on first mint, so votes always equal balance.
/// The admin (the timelock) grants MINTER_ROLE and SLASHER_ROLE.
contract Reputation is ERC20, ERC20Votes, AccessControl {
    /// @notice Role allowed to mint reputation.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Role allowed to burn reputation (slashing).
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    /// @notice `amount` REP was minted to `account` for `reason` by `minter`.
    event ReputationMinted(address indexed account, uint256 amount, bytes32 indexed reason, address indexed minter);
    /// @notice `amount` REP was burned from `account` for `reason` by `slasher`.
    event ReputationSlashed(address indexed account, uint256 amount, bytes32 indexed reason, address indexed slasher);

    error ZeroAddress();
    /// @notice REP cannot be transferred or approved.
    error NonTransferable();
    /// @notice REP votes cannot be delegated to another address.
    error DelegationDisabled();

    /// @param admin The admin of the roles (the timelock).
    constructor(address admin) ERC20("Computronium Reputation", "REP") EIP712("Computronium Reputation", "1") {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Mints `amount` REP to `account`. MINTER_ROLE only.
    /// @param account The recipient.
    /// @param amount How much reputation.
    /// @param reason A short tag of why (e.g. "settlement", "citation").
    function mint(address account, uint256 amount, bytes32 reason) external onlyRole(MINTER_ROLE) {
        if (account == address(0)) revert ZeroAddress();
        _mint(account, amount);
        emit ReputationMinted(account, amount, reason, msg.sender);
    }

    /// @notice Burns up to `amount` REP from `account`. SLASHER_ROLE only.
    /// @param account The holder.
    /// @param amount How much reputation to remove (capped at the balance).
    /// @param reason A short tag of why.
    /// @return burned The amount actually burned.
    function slash(address account, uint256 amount, bytes32 reason)
        external
        onlyRole(SLASHER_ROLE)
        returns (uint256 burned)
    {
        uint256 balance = balanceOf(account);
        burned = amount > balance ? balance : amount;
        _burn(account, burned);
        emit ReputationSlashed(account, burned, reason, msg.sender);
    }

    /// @notice REP of `account` that has aged `age` clock units by `timepoint`: min(votes at
    /// timepoint, votes at timepoint - age), 0 before `age` has passed. Governors read this so REP
    /// earned (or farmed) just before a snapshot does not count, and a later slash still does.
    /// @param account The holder.
    /// @param timepoint A past timepoint (block number).
    /// @param age How long REP must have been held.
    function agedVotes(address account, uint256 timepoint, uint256 age) external view returns (uint256) {
        uint256 atTimepoint = getPastVotes(account, timepoint);
        if (age == 0 || atTimepoint == 0) return atTimepoint;
        if (timepoint < age) return 0;
        uint256 earlier = getPastVotes(account, timepoint - age);
        return earlier < atTimepoint ? earlier : atTimepoint;
    }

    /// @notice Disabled: REP is non-transferable.
    function transfer(address, uint256) public pure override returns (bool) {
        revert NonTransferable();
    }

    /// @notice Disabled: REP is non-transferable.
    function transferFrom(address, address, uint256) public pure override returns (bool) {
        revert NonTransferable();
    }

    /// @notice Disabled: REP is non-transferable.
    function approve(address, uint256) public pure override returns (bool) {
        revert NonTransferable();
    }

    /// @dev Only self-delegation is possible (it happens automatically on first mint).
    function _delegate(address account, address delegatee) internal override {
        if (delegatee != account) revert DelegationDisabled();
        super._delegate(account, delegatee);
    }

    /// @dev Mints and burns only; holders are self-delegated on their first mint.
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        if (from != address(0) && to != address(0)) revert NonTransferable();
        if (to != address(0) && delegates(to) == address(0)) super._delegate(to, to);
        super._update(from, to, value);
    }
}
