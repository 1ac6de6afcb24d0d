// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @dev What the token needs from the staking hub to net slashed stake out of votes.
interface IStakeSlashLedger {
    /// @notice CTRN of `holder`'s stake that slashes had taken by the end of `timepoint` (a block)
    /// but that was not yet burned from its wallet.
    function unappliedSlashAt(address holder, uint256 timepoint) external view returns (uint256);
}

/// @title Computronium token (CTRN)
/// @notice Fixed-supply ERC20 with permit, checkpointed votes and burning. The
/// whole supply is minted once, at deployment, to the treasury, the ecosystem
/// and liquidity reserves and the team vesting wallet.
/// @dev Staking is lock-in-place: the staking hub locks part of a holder's
/// balance. Locked tokens never leave the holder and keep voting, but they
/// cannot be transferred or burned by the holder; only the hub can unlock them
/// or burn them when an agent is slashed.
/// Locked tokens vote for their holder, never for a delegate (issue 19,
/// "slashed-but-unburned stake keeping votes"): a slash is O(1) in the hub and
/// its burn reaches a staker's wallet only later, so until then the votes count
/// tokens already forfeit. Every vote read ({getVotes}, {getPastVotes}, which
/// the governors use) subtracts what the hub says slashes had taken from the
/// account's own stake at that timepoint and was not yet burned
/// ({StakingHub.unappliedSlashAt}). That is exact only if stake votes where its
/// holder does: delegation moves only the unlocked balance.
contract ComputroniumToken is ERC20, ERC20Permit, ERC20Votes, ERC20Burnable {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Who receives the fixed supply at deployment, and how much each.
    struct Distribution {
        address treasury;
        uint256 treasuryAmount;
        address ecosystemReserve;
        uint256 ecosystemAmount;
        address liquidityReserve;
        uint256 liquidityAmount;
        address teamVesting;
        uint256 teamAmount;
    }

    /// @notice The one address allowed to set the staking hub, once.
    address public immutable deployer;
    /// @notice The staking hub: the only address that may lock, unlock or burn locked tokens.
    address public stakingHub;
    /// @notice Tokens of each holder locked by the staking hub.
    mapping(address account => uint256) public lockedOf;
    /// @dev History of `lockedOf` by timestamp (issue 19, finding 5): the revenue distributor weighs
    /// stake held at an epoch's start and end, so a CTRN counts once per epoch.
    mapping(address account => Checkpoints.Trace208) private _lockedHistory;

    /// @notice The staking hub was set (once, at deployment).
    event StakingHubSet(address indexed stakingHub);
    /// @notice The hub locked `amount` more of `account`'s balance.
    event Locked(address indexed account, uint256 amount, uint256 totalLocked);
    /// @notice The hub released `amount` of `account`'s locked balance.
    event Unlocked(address indexed account, uint256 amount, uint256 totalLocked);
    /// @notice The hub burned `amount` of `account`'s locked balance (slashing).
    event LockedBurned(address indexed account, uint256 amount, uint256 totalLocked);

    error ZeroAddress();
    error NotDeployer(address caller);
    error NotStakingHub(address caller);
    error StakingHubAlreadySet(address stakingHub);
    /// @notice `account` tried to move tokens that are locked by the staking hub.
    error TransferExceedsUnlocked(address account, uint256 unlocked, uint256 needed);
    error InsufficientLocked(address account, uint256 locked, uint256 needed);

    modifier onlyStakingHub() {
        if (msg.sender != stakingHub) revert NotStakingHub(msg.sender);
        _;
    }

    /// @param d The recipients and amounts of the fixed supply (the amounts are the deploy-time shares).
    constructor(Distribution memory d) ERC20("Computronium", "CTRN") ERC20Permit("Computronium") {
        if (
            d.treasury == address(0) || d.ecosystemReserve == address(0) || d.liquidityReserve == address(0)
                || d.teamVesting == address(0)
        ) revert ZeroAddress();
        deployer = msg.sender;
        _mint(d.treasury, d.treasuryAmount);
        _mint(d.ecosystemReserve, d.ecosystemAmount);
        _mint(d.liquidityReserve, d.liquidityAmount);
        _mint(d.teamVesting, d.teamAmount);
    }

    /// @notice Sets the staking hub. Callable once, by the deployer.
    /// @param hub The StakingHub contract.
    function setStakingHub(address hub) external {
        if (msg.sender != deployer) revert NotDeployer(msg.sender);
        if (stakingHub != address(0)) revert StakingHubAlreadySet(stakingHub);
        if (hub == address(0)) revert ZeroAddress();
        stakingHub = hub;
        emit StakingHubSet(hub);
    }

    /// @notice `lockedOf(account)` as it was at the end of second `timestamp` (checkpointed on every
    /// lock, unlock and burn).
    /// @param account The holder.
    /// @param timestamp A time (seconds); the current one gives the current value.
    /// @return The locked balance then.
    function lockedAt(address account, uint256 timestamp) external view returns (uint256) {
        return _lockedHistory[account].upperLookupRecent(SafeCast.toUint48(timestamp));
    }

    /// @notice Balance of `account` that is not locked and can be moved.
    /// @param account The holder.
    /// @return The transferable balance.
    function unlockedBalanceOf(address account) public view returns (uint256) {
        return balanceOf(account) - lockedOf[account];
    }

    /// @notice Locks `amount` of `account`'s unlocked balance. Staking hub only.
    /// @param account The holder whose tokens are locked.
    /// @param amount How many tokens to lock.
    function lock(address account, uint256 amount) external onlyStakingHub {
        uint256 free = unlockedBalanceOf(account);
        if (amount > free) revert TransferExceedsUnlocked(account, free, amount);
        uint256 total = lockedOf[account] + amount;
        _setLocked(account, total);
        emit Locked(account, amount, total);
    }

    /// @notice Unlocks `amount` of `account`'s locked balance. Staking hub only.
    /// @param account The holder.
    /// @param amount How many tokens to unlock.
    function unlock(address account, uint256 amount) external onlyStakingHub {
        uint256 current = lockedOf[account];
        if (amount > current) revert InsufficientLocked(account, current, amount);
        uint256 total = current - amount;
        _setLocked(account, total);
        emit Unlocked(account, amount, total);
    }

    /// @notice Burns `amount` of `account`'s locked balance (slashing). Staking hub only.
    /// @param account The holder.
    /// @param amount How many locked tokens to burn.
    function burnLocked(address account, uint256 amount) external onlyStakingHub {
        uint256 current = lockedOf[account];
        if (amount > current) revert InsufficientLocked(account, current, amount);
        uint256 total = current - amount;
        _setLocked(account, total);
        _burn(account, amount);
        emit LockedBurned(account, amount, total);
    }

    /// @notice Current votes of `account`, less its stake that slashes have taken but the hub has not
    /// yet burned (see the contract's notes).
    /// @param account The voter (a delegate, or a staker for its own locked stake).
    /// @return The votes.
    function getVotes(address account) public view override returns (uint256) {
        return _netOfSlashes(account, super.getVotes(account), block.number);
    }

    /// @notice Votes of `account` at the end of block `timepoint`, less its stake that slashes had
    /// taken by then and that was not yet burned: what the governors count at a proposal's snapshot.
    /// @param account The voter.
    /// @param timepoint A past block.
    /// @return The votes.
    function getPastVotes(address account, uint256 timepoint) public view override returns (uint256) {
        return _netOfSlashes(account, super.getPastVotes(account, timepoint), timepoint);
    }

    /// @dev The forfeit is part of the account's own locked stake, which votes only for the account,
    /// so it never exceeds `votes`; the floor at zero only guards rounding.
    function _netOfSlashes(address account, uint256 votes, uint256 timepoint) private view returns (uint256) {
        address hub = stakingHub;
        if (hub == address(0) || votes == 0) return votes;
        uint256 forfeited = IStakeSlashLedger(hub).unappliedSlashAt(account, timepoint);
        return forfeited < votes ? votes - forfeited : 0;
    }

    /// @dev Only the unlocked balance follows a delegation: locked tokens vote for their holder.
    function _getVotingUnits(address account) internal view override returns (uint256) {
        return balanceOf(account) - lockedOf[account];
    }

    /// @dev Every balance decrease except a mint must leave the locked part in place. A lock moves its
    /// votes from the holder's delegate (if any) to the holder, an unlock moves them back; a burn of
    /// locked tokens unlocks them first, so the burn then takes them from the delegate's side again.
    function _setLocked(address account, uint256 total) private {
        uint256 current = lockedOf[account];
        lockedOf[account] = total;
        _lockedHistory[account].push(SafeCast.toUint48(block.timestamp), SafeCast.toUint208(total));
        address delegatee = delegates(account);
        if (total > current) _moveDelegateVotes(delegatee, account, total - current);
        else _moveDelegateVotes(account, delegatee, current - total);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        if (from != address(0)) {
            uint256 balance = balanceOf(from);
            uint256 locked = lockedOf[from];
            // balance >= locked always holds; a plain transfer of too much fails in ERC20 itself.
            if (value <= balance && balance - value < locked) {
                revert TransferExceedsUnlocked(from, balance - locked, value);
            }
        }
        super._update(from, to, value);
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
