// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Where the distributor reads a participant's stake: CTRN's locked (staked) balance.
interface ILockedBalance {
    /// @notice CTRN of `account` locked by the staking hub.
    function lockedOf(address account) external view returns (uint256);
}

/// @notice A stake source with history (CTRN's `lockedAt`): stake weight is what was locked both at an
/// epoch's start and at its end, so a CTRN counts once per epoch (issue 19, finding 5).
interface ILockedHistory is ILockedBalance {
    /// @notice CTRN of `account` locked at the end of second `timestamp`.
    function lockedAt(address account, uint256 timestamp) external view returns (uint256);
}

/// @title Computronium revenue distributor (the revenue pool)
/// @notice Receives marketplace commissions and other fees, burns a governable
/// part, and shares the rest per epoch among four categories — compute/node
/// operators, data contributors, developers (model owners) and the community
/// (stakers) — by basis-point shares (default 4000/3000/2000/1000). Inside a
/// category a participant's weight is hybrid: `activityBps` (default 30 %) of
/// the category by recorded activity (value settled on the marketplace), the
/// rest by stake (CTRN locked in the staking hub, recorded when the
/// participant is active or checks in). Stake weight is CTRN locked since the
/// epoch began and still locked at its end (so a CTRN counts once per epoch and
/// a last-minute stake earns from the next one); outside the community category
/// it is capped at MAX_STAKE_PER_ACTIVITY x the participant's activity (issue 19,
/// finding 5). Claims are per epoch and O(1); what
/// nobody can claim (an empty category, rounding dust, the unclaimed rest
/// after the claim window) rolls over into the open epoch.
/// @dev No loop over participants anywhere: weights and their totals are
/// accumulated per (epoch, category) as they are recorded, and a claim reads
/// three numbers. Accounting, exact to the wei:
/// `totalReceived == totalBurned + totalClaimed + openEpochFunds + outstanding`,
/// and the token balance equals `openEpochFunds + outstanding`.
contract RevenueDistributor is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 public constant BPS = 10_000;
    /// @notice Number of categories (0 compute, 1 data, 2 developers, 3 community).
    uint8 public constant CATEGORY_COUNT = 4;
    uint8 public constant COMPUTE = 0;
    uint8 public constant DATA = 1;
    uint8 public constant DEVELOPERS = 2;
    uint8 public constant COMMUNITY = 3;
    /// @notice Highest burn share of incoming revenue.
    uint16 public constant MAX_BURN_BPS = 5_000;
    uint256 public constant MIN_EPOCH_LENGTH = 60;
    uint256 public constant MAX_EPOCH_LENGTH = 90 days;
    /// @notice Outside the community category, stake weighs at most this many times the participant's
    /// activity in the epoch (1 wei of activity no longer unlocks a whole stake; issue 19, finding 5).
    uint256 public constant MAX_STAKE_PER_ACTIVITY = 10;
    /// @notice Role of the contracts that record activity (the marketplace).
    bytes32 public constant RECORDER_ROLE = keccak256("RECORDER_ROLE");

    struct Epoch {
        uint64 start;
        uint64 end; // 0 while the epoch is open
        bool rolledOver;
        uint16 activityBps; // snapshot at finalization
        uint256 amount; // funds shared by the categories (gross, before the immediate roll-over)
        uint256 claimable; // amount minus what could never be claimed (rolled over at finalization)
        uint256 claimed;
        uint16[4] shareBps; // snapshot at finalization
    }

    /// @notice Stake and activity weight of one participant, or the sum for a category.
    struct Weight {
        uint256 stake;
        uint256 activity;
    }

    IERC20 public immutable token;
    ILockedBalance public immutable stakeSource;
    /// @notice The governance executor (the timelock): the only one who changes shares and parameters.
    address public immutable governance;

    uint256 public epochLength;
    /// @notice Finalized epochs stay claimable for this many more epochs, then roll over.
    uint256 public claimWindowEpochs;
    uint16 public burnBps;
    /// @notice Part of each category weighted by activity; the rest is weighted by stake.
    uint16 public activityBps;
    uint16[4] public shareBps;

    uint256 public currentEpoch;
    uint256 public currentEpochStart;
    /// @notice Funds of the open epoch (received after burn, plus roll-overs).
    uint256 public openEpochFunds;
    /// @notice Funds of finalized epochs neither claimed nor rolled over.
    uint256 public outstanding;
    uint256 public totalReceived;
    uint256 public totalBurned;
    uint256 public totalClaimed;
    uint256 public totalRolledOver;

    mapping(uint256 epoch => Epoch) public epochs;
    mapping(uint256 epoch => mapping(uint8 category => Weight)) public categoryTotals;
    mapping(uint256 epoch => mapping(uint8 category => mapping(address account => Weight))) public weights;
    mapping(uint256 epoch => mapping(uint8 category => mapping(address account => bool))) public hasClaimed;

    event RevenueReceived(address indexed from, uint256 amount, uint256 burned, uint256 indexed epoch);
    event ActivityRecorded(uint256 indexed epoch, uint8 indexed category, address indexed account, uint256 amount);
    event StakeRecorded(uint256 indexed epoch, uint8 indexed category, address indexed account, uint256 stake);
    event EpochFinalized(uint256 indexed epoch, uint256 amount, uint256 claimable, uint256 rolledOver, uint64 start, uint64 end);
    event Claimed(uint256 indexed epoch, uint8 indexed category, address indexed account, uint256 amount);
    event RolledOver(uint256 indexed epoch, uint256 amount, uint256 indexed intoEpoch);
    event SharesChanged(uint16[4] shareBps);
    event EpochLengthChanged(uint256 oldLength, uint256 newLength);
    event BurnBpsChanged(uint16 oldBps, uint16 newBps);
    event ActivityBpsChanged(uint16 oldBps, uint16 newBps);
    event ClaimWindowChanged(uint256 oldEpochs, uint256 newEpochs);

    error ZeroAddress();
    error ZeroAmount();
    error NotGovernance(address caller);
    error InvalidCategory(uint8 category);
    error InvalidShares(uint256 sum);
    error InvalidBps(uint256 bps);
    error InvalidEpochLength(uint256 length);
    error EpochNotOver(uint256 endsAt);
    error EpochNotFinalized(uint256 epoch);
    error AlreadyClaimed(uint256 epoch, uint8 category, address account);
    error ClaimWindowClosed(uint256 epoch);
    error ClaimWindowOpen(uint256 epoch);
    error AlreadyRolledOver(uint256 epoch);
    error NothingToClaim();
    error NotActive(uint256 epoch, uint8 category, address account);
    error LengthMismatch(uint256 epochs, uint256 categories);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    /// @param token_ The revenue token (CTRN; burnable).
    /// @param stakeSource_ Where stake is read (CTRN's `lockedOf`).
    /// @param governance_ The timelock: changes shares and parameters.
    /// @param admin Initial admin of RECORDER_ROLE (the deployer, who hands it to the timelock).
    /// @param epochLength_ Epoch length in seconds (a week in production, minutes on the devnet).
    constructor(IERC20 token_, ILockedBalance stakeSource_, address governance_, address admin, uint256 epochLength_) {
        if (address(token_) == address(0) || governance_ == address(0) || admin == address(0)) revert ZeroAddress();
        token = token_;
        stakeSource = stakeSource_;
        governance = governance_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setEpochLength(epochLength_);
        claimWindowEpochs = 4;
        burnBps = 1_000;
        activityBps = 3_000;
        shareBps = [uint16(4_000), 3_000, 2_000, 1_000];
        currentEpochStart = block.timestamp;
        epochs[0].start = uint64(block.timestamp);
    }

    // ---------------------------------------------------------------- inflow

    /// @notice Pulls `amount` of revenue from the caller (after approval): `burnBps` of it is
    /// burned, the rest joins the open epoch.
    /// @param amount How much revenue.
    function notifyRevenue(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 burned = amount * burnBps / BPS;
        if (burned > 0) ERC20Burnable(address(token)).burn(burned);
        totalReceived += amount;
        totalBurned += burned;
        openEpochFunds += amount - burned;
        emit RevenueReceived(msg.sender, amount, burned, currentEpoch);
    }

    /// @notice Records `amount` of activity (value settled) of `account` in `category` for the open
    /// epoch, and refreshes its stake weight there. RECORDER_ROLE only (the marketplace).
    /// @param category 0 compute, 1 data, 2 developers, 3 community.
    /// @param account The participant.
    /// @param amount Activity weight (CTRN value).
    function recordActivity(uint8 category, address account, uint256 amount) external onlyRole(RECORDER_ROLE) {
        _checkCategory(category);
        uint256 epoch = currentEpoch;
        weights[epoch][category][account].activity += amount;
        categoryTotals[epoch][category].activity += amount;
        emit ActivityRecorded(epoch, category, account, amount);
        _recordStake(epoch, category, account);
    }

    /// @notice Records the caller's current stake (CTRN locked in the staking hub) as its stake
    /// weight in `category` for the open epoch. Anyone may check in to the community category;
    /// the others need activity in this epoch first. A later check-in only raises the weight.
    /// @param category The category.
    function checkIn(uint8 category) external {
        _checkCategory(category);
        uint256 epoch = currentEpoch;
        if (category != COMMUNITY && weights[epoch][category][msg.sender].activity == 0) {
            revert NotActive(epoch, category, msg.sender);
        }
        _recordStake(epoch, category, msg.sender);
    }

    // ---------------------------------------------------------------- epochs

    /// @notice Closes the open epoch once its length has passed: freezes its funds, shares and
    /// weights, and rolls over at once what no one can claim (a category without weight).
    /// Anyone may call it.
    function finalizeEpoch() external {
        uint256 endsAt = currentEpochStart + epochLength;
        if (block.timestamp < endsAt) revert EpochNotOver(endsAt);
        uint256 epoch = currentEpoch;
        Epoch storage e = epochs[epoch];
        uint256 amount = openEpochFunds;
        e.end = uint64(block.timestamp);
        e.amount = amount;
        e.shareBps = shareBps;
        e.activityBps = activityBps;

        uint256 total;
        for (uint8 c; c < CATEGORY_COUNT; ++c) {
            (uint256 stakePart, uint256 activityPart) = _parts(e, c);
            Weight storage t = categoryTotals[epoch][c];
            if (t.stake > 0) total += _stakePartPaid(c, stakePart, t.stake, t);
            if (t.activity > 0) total += activityPart;
        }
        e.claimable = total;
        uint256 rolled = amount - total;

        openEpochFunds = rolled;
        outstanding += total;
        totalRolledOver += rolled;
        currentEpoch = epoch + 1;
        currentEpochStart = block.timestamp;
        epochs[epoch + 1].start = uint64(block.timestamp);
        emit EpochFinalized(epoch, amount, total, rolled, e.start, e.end);
    }

    /// @notice Pays the caller's share of `epoch` in `category`. O(1).
    /// @param epoch A finalized epoch still inside its claim window.
    /// @param category The category.
    /// @return amount The CTRN paid.
    function claim(uint256 epoch, uint8 category) external nonReentrant returns (uint256 amount) {
        _checkCategory(category);
        if (epoch >= currentEpoch) revert EpochNotFinalized(epoch);
        Epoch storage e = epochs[epoch];
        if (e.rolledOver || currentEpoch > epoch + claimWindowEpochs) revert ClaimWindowClosed(epoch);
        if (hasClaimed[epoch][category][msg.sender]) revert AlreadyClaimed(epoch, category, msg.sender);
        amount = _claimable(e, epoch, category, msg.sender);
        if (amount == 0) revert NothingToClaim();
        hasClaimed[epoch][category][msg.sender] = true;
        e.claimed += amount;
        outstanding -= amount;
        totalClaimed += amount;
        token.safeTransfer(msg.sender, amount);
        emit Claimed(epoch, category, msg.sender, amount);
    }

    /// @notice Pays the caller's shares of every (`epochs[i]`, `categories[i]`) in one transaction and
    /// one transfer (issue 18). Pairs with nothing to claim now (already claimed, not finalized, window
    /// closed, no weight, an invalid category) are skipped, so a stale list never blocks the rest; a
    /// `Claimed` event is emitted for each pair paid.
    /// @param epochs_ Epochs, pairwise with `categories`.
    /// @param categories Categories, pairwise with `epochs_`.
    /// @return total The CTRN paid (reverts with NothingToClaim when 0).
    function claimMany(uint256[] calldata epochs_, uint8[] calldata categories)
        external
        nonReentrant
        returns (uint256 total)
    {
        uint256 n = epochs_.length;
        if (n != categories.length) revert LengthMismatch(n, categories.length);
        uint256 open = currentEpoch;
        uint256 window = claimWindowEpochs;
        for (uint256 i; i < n; ++i) {
            uint256 epoch = epochs_[i];
            uint8 category = categories[i];
            if (category >= CATEGORY_COUNT || epoch >= open || open > epoch + window) continue;
            Epoch storage e = epochs[epoch];
            if (e.rolledOver || hasClaimed[epoch][category][msg.sender]) continue;
            uint256 amount = _claimable(e, epoch, category, msg.sender);
            if (amount == 0) continue;
            hasClaimed[epoch][category][msg.sender] = true;
            e.claimed += amount;
            total += amount;
            emit Claimed(epoch, category, msg.sender, amount);
        }
        if (total == 0) revert NothingToClaim();
        outstanding -= total;
        totalClaimed += total;
        token.safeTransfer(msg.sender, total);
    }

    /// @notice Moves what was not claimed from `epoch` into the open epoch once its claim window
    /// has closed. Anyone may call it.
    /// @param epoch A finalized epoch whose window is over.
    /// @return amount The CTRN rolled over.
    function rollOver(uint256 epoch) external returns (uint256 amount) {
        if (epoch >= currentEpoch) revert EpochNotFinalized(epoch);
        if (currentEpoch <= epoch + claimWindowEpochs) revert ClaimWindowOpen(epoch);
        Epoch storage e = epochs[epoch];
        if (e.rolledOver) revert AlreadyRolledOver(epoch);
        e.rolledOver = true;
        amount = e.claimable - e.claimed;
        outstanding -= amount;
        openEpochFunds += amount;
        totalRolledOver += amount;
        emit RolledOver(epoch, amount, currentEpoch);
    }

    // ------------------------------------------------------------ governance

    /// @notice Sets the category shares (compute, data, developers, community). Governance only.
    /// @param newShares Basis points summing to 10,000.
    function setShares(uint16[4] calldata newShares) external onlyGovernance {
        uint256 sum = uint256(newShares[0]) + newShares[1] + newShares[2] + newShares[3];
        if (sum != BPS) revert InvalidShares(sum);
        shareBps = newShares;
        emit SharesChanged(newShares);
    }

    /// @notice Sets the length of epochs opened from now on. Governance only.
    /// @param length Seconds, MIN_EPOCH_LENGTH..MAX_EPOCH_LENGTH.
    function setEpochLength(uint256 length) external onlyGovernance {
        _setEpochLength(length);
    }

    /// @notice Sets the burned share of incoming revenue. Governance only.
    /// @param bps At most MAX_BURN_BPS.
    function setBurnBps(uint16 bps) external onlyGovernance {
        if (bps > MAX_BURN_BPS) revert InvalidBps(bps);
        emit BurnBpsChanged(burnBps, bps);
        burnBps = bps;
    }

    /// @notice Sets the activity-weighted part of each category (0 stake-based, 10,000 activity-based).
    /// Governance only.
    /// @param bps At most 10,000.
    function setActivityBps(uint16 bps) external onlyGovernance {
        if (bps > BPS) revert InvalidBps(bps);
        emit ActivityBpsChanged(activityBps, bps);
        activityBps = bps;
    }

    /// @notice Sets how many epochs a finalized epoch stays claimable. Governance only.
    /// @param epochs_ At least 1.
    function setClaimWindow(uint256 epochs_) external onlyGovernance {
        if (epochs_ == 0) revert InvalidEpochLength(epochs_);
        emit ClaimWindowChanged(claimWindowEpochs, epochs_);
        claimWindowEpochs = epochs_;
    }

    // ------------------------------------------------------------------ views

    /// @notice What `account` could claim from `epoch` in `category` now (0 once claimed or closed).
    /// @param epoch A finalized epoch.
    /// @param category The category.
    /// @param account The participant.
    function claimable(uint256 epoch, uint8 category, address account) external view returns (uint256) {
        if (category >= CATEGORY_COUNT || epoch >= currentEpoch) return 0;
        Epoch storage e = epochs[epoch];
        if (e.rolledOver || currentEpoch > epoch + claimWindowEpochs || hasClaimed[epoch][category][account]) {
            return 0;
        }
        return _claimable(e, epoch, category, account);
    }

    /// @notice The stake weight `account` is paid on in (`epoch`, `category`): the weight recorded
    /// (CTRN locked both at the epoch's start and when recorded, outside the community category at
    /// most MAX_STAKE_PER_ACTIVITY x its activity), no more than it still had locked at the epoch's
    /// end. 0 for an open epoch. Weight recorded by stake that left before the end is paid to no one
    /// (it rolls over with the unclaimed rest after the claim window).
    /// @param epoch A finalized epoch.
    /// @param category The category.
    /// @param account The participant.
    function stakeWeightOf(uint256 epoch, uint8 category, address account) external view returns (uint256) {
        if (category >= CATEGORY_COUNT || epoch >= currentEpoch) return 0;
        return _effectiveStake(epochs[epoch], weights[epoch][category][account].stake, account);
    }

    /// @notice The four category shares in basis points.
    function shares() external view returns (uint16[4] memory) {
        return shareBps;
    }

    /// @notice When the open epoch can be finalized.
    function currentEpochEnd() external view returns (uint256) {
        return currentEpochStart + epochLength;
    }

    /// @notice The snapshot shares of a finalized epoch.
    function epochShares(uint256 epoch) external view returns (uint16[4] memory) {
        return epochs[epoch].shareBps;
    }

    // --------------------------------------------------------------- internal

    function _checkCategory(uint8 category) private pure {
        if (category >= CATEGORY_COUNT) revert InvalidCategory(category);
    }

    function _setEpochLength(uint256 length) private {
        if (length < MIN_EPOCH_LENGTH || length > MAX_EPOCH_LENGTH) revert InvalidEpochLength(length);
        emit EpochLengthChanged(epochLength, length);
        epochLength = length;
    }

    function _recordStake(uint256 epoch, uint8 category, address account) private {
        if (address(stakeSource) == address(0)) return;
        Weight storage w = weights[epoch][category][account];
        // Only stake held since the epoch began counts (a last-minute stake earns from the next epoch),
        // and outside the community only up to a multiple of the activity (issue 19, finding 5).
        uint256 stake = Math.min(
            stakeSource.lockedOf(account), ILockedHistory(address(stakeSource)).lockedAt(account, epochs[epoch].start)
        );
        if (category != COMMUNITY) stake = Math.min(stake, w.activity * MAX_STAKE_PER_ACTIVITY);
        if (stake <= w.stake) return;
        categoryTotals[epoch][category].stake += stake - w.stake;
        w.stake = stake;
        emit StakeRecorded(epoch, category, account, stake);
    }

    function _parts(Epoch storage e, uint8 category) private view returns (uint256 stakePart, uint256 activityPart) {
        uint256 categoryAmount = e.amount * e.shareBps[category] / BPS;
        activityPart = categoryAmount * e.activityBps / BPS;
        stakePart = categoryAmount - activityPart;
    }

    function _claimable(Epoch storage e, uint256 epoch, uint8 category, address account)
        private
        view
        returns (uint256 amount)
    {
        (uint256 stakePart, uint256 activityPart) = _parts(e, category);
        Weight storage w = weights[epoch][category][account];
        Weight storage t = categoryTotals[epoch][category];
        uint256 stake = _effectiveStake(e, w.stake, account);
        if (stake > 0) amount += _stakePartPaid(category, stakePart, stake, t);
        if (w.activity > 0) amount += Math.mulDiv(activityPart, w.activity, t.activity);
    }

    /// @dev What `stake` weight earns of a category's stake part. In the community category, its
    /// pro-rata share. Elsewhere stake weight is at most MAX_STAKE_PER_ACTIVITY x activity, and the
    /// stake part is shared as if every participant had staked that much: `stake / (MAX x total
    /// activity)`. Participants staking at least MAX x their activity share all of it (by activity,
    /// then); 1 wei of activity earns at most MAX wei of weight against everyone's activity, and
    /// the part no one's stake covers rolls over at finalization.
    function _stakePartPaid(uint8 category, uint256 stakePart, uint256 stake, Weight storage t)
        private
        view
        returns (uint256)
    {
        if (category == COMMUNITY) return Math.mulDiv(stakePart, stake, t.stake);
        return Math.mulDiv(stakePart, stake, t.activity * MAX_STAKE_PER_ACTIVITY);
    }

    /// @dev The recorded stake weight, capped by what `account` had locked at the epoch's start and still
    /// had locked in the last second of the epoch (a time in the past once finalized, so the value is fixed): the same CTRN cannot be
    /// recorded by one account, moved on and recorded by another in the same epoch and be paid twice.
    function _effectiveStake(Epoch storage e, uint256 recorded, address account) private view returns (uint256) {
        if (recorded == 0 || e.end == 0) return 0;
        ILockedHistory source = ILockedHistory(address(stakeSource));
        // The start is read again: a change later in the start's own second is final only now.
        return Math.min(
            recorded, Math.min(source.lockedAt(account, e.start), source.lockedAt(account, e.end - 1))
        );
    }
}
