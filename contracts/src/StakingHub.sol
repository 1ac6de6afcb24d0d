// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ComputroniumToken} from "./ComputroniumToken.sol";

/// @title Computronium staking hub
/// @notice Agents (delegates) register; holders stake CTRN to themselves or to
/// an agent, request unstake, wait the unbonding period and withdraw. Rewards
/// sent to an agent are shared among its stakers after the agent's commission.
/// Governance can slash an agent; the elected set is the top N agents by stake.
/// @dev Lock in place: staked tokens stay in the holder's wallet, locked by the
/// token, so they keep their voting power (the holder's own: locked CTRN is not
/// delegable). Each agent has two pools (bonded and unbonding) priced in shares; a
/// slash lowers both pools' stake and so every staker's value in O(1). The tokens a
/// slash takes are burned from a staker's locked balance lazily, the next time the
/// position is touched (by the staker or by anyone through {applySlash}). Rewards
/// use a reward-per-share accumulator over bonded shares, so claiming is O(1)
/// whatever the number of stakers. Storage is plain mappings of plain structs for
/// light-client proofs. Until a slash is burned, the token subtracts it from the
/// staker's votes: the hub keeps, by block, each agent's slashes and each
/// position's principal, and {unappliedSlashAt} answers what slashes had taken from
/// a holder's stake at any past block without being burned (issue 19).
contract StakingHub is ReentrancyGuard {
    using SafeERC20 for IERC20;
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Fixed-point scale of the reward accumulator and of slash fractions.
    uint256 public constant PRECISION = 1e18;
    /// @notice Highest commission an agent may set, in basis points.
    uint16 public constant MAX_COMMISSION_BPS = 5_000;
    /// @notice Upper bound on the elected set size and on the unbonding period.
    uint256 public constant MAX_ELECTED = 101;
    /// @notice Shortest unbonding period governance may set.
    uint256 public constant MIN_UNBONDING_PERIOD = 1 days;
    uint256 public constant MAX_UNBONDING_PERIOD = 60 days;
    /// @notice Largest share of an agent's stake one slash may take (issue 19, finding 7): a single
    /// proposal cannot wipe a stake out, and every slash is a supermajority decision on the token
    /// governor.
    uint256 public constant MAX_SLASH_FRACTION = 0.5e18;
    /// @notice Bounds of the reward streaming period (issue 19, finding 6).
    uint256 public constant MIN_REWARD_PERIOD = 1 hours;
    uint256 public constant MAX_REWARD_PERIOD = 30 days;
    /// @notice How long a commission increase waits before it applies (decreases apply at once), so
    /// stakers can leave before a higher commission takes any of their rewards (issue 19, finding 6).
    uint256 public constant COMMISSION_INCREASE_DELAY = 3 days;
    /// @dev Scale of an agent's cumulative slash multiplier (1e36: after 60 slashes of half it still
    /// has 18 digits).
    uint256 private constant MULTIPLIER_ONE = 1e36;

    struct Agent {
        bool registered;
        uint16 commissionBps;
        uint64 registeredAt;
        string name;
        string metadataURI;
        uint256 bondedStake; // CTRN value of the bonded pool (after slashes)
        uint256 bondedShares; // shares of the bonded pool
        uint256 unbondingStake; // CTRN value of the unbonding pool (after slashes)
        uint256 unbondingShares; // shares of the unbonding pool
        uint256 rewardPerShare; // accumulated rewards per bonded share, scaled by PRECISION
        uint256 commissionAccrued; // commission not yet claimed by the agent
    }

    struct Position {
        uint256 shares; // bonded pool shares
        uint256 unbondingShares; // unbonding pool shares
        uint64 unbondingReleaseAt; // when the unbonding part can be withdrawn
        uint256 principal; // tokens locked in CTRN for this position (not yet reduced by pending slashes)
        uint256 rewardDebt; // shares * rewardPerShare / PRECISION at the last settlement
        uint256 rewardsOwed; // settled, unclaimed rewards
    }

    /// @notice The CTRN token.
    ComputroniumToken public immutable token;
    /// @notice The governance executor (the timelock): sets parameters and slashes.
    address public immutable governance;

    /// @notice Size of the elected agent set (DPoS delegates).
    uint256 public electedCount = 21;
    /// @notice Time between an unstake request and its withdrawal.
    uint256 public unbondingPeriod = 7 days;
    /// @notice Sum of every agent's bonded stake.
    uint256 public totalBonded;
    /// @notice Sum of every agent's unbonding stake.
    uint256 public totalUnbonding;
    /// @notice Rewards received through {notifyReward}, all time.
    uint256 public totalRewardsReceived;
    /// @notice Rewards and commissions paid out, all time.
    uint256 public totalRewardsPaid;

    /// @notice Rewards of an agent's stakers being paid out over time: `ratePerSecond` (CTRN scaled by
    /// PRECISION) until `finishAt`, accounted up to `updatedAt`.
    struct RewardStream {
        uint256 ratePerSecond;
        uint64 finishAt;
        uint64 updatedAt;
    }

    /// @notice A commission increase waiting for its time.
    struct PendingCommission {
        uint16 bps;
        uint64 effectiveAt;
    }

    /// @notice Agent (or self-staker) records by address.
    mapping(address agent => Agent) public agents;
    /// @notice Stake positions by holder and agent.
    mapping(address holder => mapping(address agent => Position)) public positions;
    /// @notice Registered agents in registration order.
    address[] public agentList;
    /// @notice Stakers' rewards are streamed over this period after {notifyReward} (1 day), so stake
    /// added just before a reward and unbonded just after earns only for the time it was bonded.
    uint256 public rewardPeriod = 1 days;
    /// @notice Each agent's reward stream.
    mapping(address agent => RewardStream) public rewardStreams;
    /// @notice Each agent's scheduled commission increase (none when effectiveAt is 0).
    mapping(address agent => PendingCommission) public pendingCommissions;
    // Slash history for votes (issue 19: slashed-but-unburned stake must not vote). Appended after
    // the light client's slots; block numbers are CTRN's clock (ERC20Votes).
    /// @dev Number of slashes of each agent so far, by block.
    mapping(address agent => Checkpoints.Trace208) private _slashCounts;
    /// @dev Each agent's stake multiplier after its n-th slash (index n - 1): prod(1 - fraction),
    /// scaled by MULTIPLIER_ONE. A position's value is its principal times the ratio of two of them.
    mapping(address agent => uint256[]) private _slashMultipliers;
    /// @dev Each position's principal and its agent's slash count when it was last settled, by
    /// block: `count << 160 | principal`.
    mapping(address holder => mapping(address agent => Checkpoints.Trace208)) private _positionHistory;
    /// @dev Every agent a holder has ever staked to (only the holder's own stake adds one).
    mapping(address holder => address[]) private _holderAgents;

    event AgentRegistered(address indexed agent, string name, string metadataURI, uint16 commissionBps);
    event AgentUpdated(address indexed agent, string name, string metadataURI);
    event CommissionChanged(address indexed agent, uint16 oldBps, uint16 newBps);
    event Staked(address indexed holder, address indexed agent, uint256 amount, uint256 shares);
    event UnstakeRequested(address indexed holder, address indexed agent, uint256 amount, uint64 releaseAt);
    event Withdrawn(address indexed holder, address indexed agent, uint256 amount);
    event RewardNotified(address indexed agent, address indexed from, uint256 amount, uint256 commission);
    event RewardClaimed(address indexed holder, address indexed agent, uint256 amount);
    event CommissionClaimed(address indexed agent, uint256 amount);
    event AgentSlashed(address indexed agent, uint256 fraction, uint256 bondedSlashed, uint256 unbondingSlashed);
    event SlashApplied(address indexed holder, address indexed agent, uint256 burned);
    event ElectedCountChanged(uint256 oldCount, uint256 newCount);
    event UnbondingPeriodChanged(uint256 oldPeriod, uint256 newPeriod);
    event RewardPeriodChanged(uint256 oldPeriod, uint256 newPeriod);
    event CommissionIncreaseScheduled(address indexed agent, uint16 oldBps, uint16 newBps, uint64 effectiveAt);
    event RewardStreamed(address indexed agent, uint256 ratePerSecond, uint64 finishAt);

    error ZeroAddress();
    error ZeroAmount();
    error NotGovernance(address caller);
    error AgentAlreadyRegistered(address agent);
    error AgentNotRegistered(address agent);
    error CommissionTooHigh(uint16 bps, uint16 max);
    error EmptyName();
    error InsufficientStake(uint256 available, uint256 requested);
    error UnbondingNotFinished(uint64 releaseAt);
    error NothingToWithdraw();
    error NothingToClaim();
    error NoStakers(address agent);
    error InvalidSlashFraction(uint256 fraction);
    error InvalidElectedCount(uint256 count);
    error InvalidUnbondingPeriod(uint256 period);
    error InvalidRewardPeriod(uint256 period);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    /// @param token_ The CTRN token (which must name this hub as its staking hub).
    /// @param governance_ The timelock.
    constructor(ComputroniumToken token_, address governance_) {
        if (address(token_) == address(0) || governance_ == address(0)) revert ZeroAddress();
        token = token_;
        governance = governance_;
    }

    // ----------------------------------------------------------------- agents

    /// @notice Registers the caller as an agent.
    /// @param name Display name (non-empty).
    /// @param metadataURI Where the agent describes itself.
    /// @param commissionBps Share of rewards the agent keeps, at most MAX_COMMISSION_BPS.
    function registerAgent(string calldata name, string calldata metadataURI, uint16 commissionBps) external {
        Agent storage a = agents[msg.sender];
        if (a.registered) revert AgentAlreadyRegistered(msg.sender);
        if (bytes(name).length == 0) revert EmptyName();
        if (commissionBps > MAX_COMMISSION_BPS) revert CommissionTooHigh(commissionBps, MAX_COMMISSION_BPS);
        a.registered = true;
        a.commissionBps = commissionBps;
        a.registeredAt = uint64(block.timestamp);
        a.name = name;
        a.metadataURI = metadataURI;
        agentList.push(msg.sender);
        emit AgentRegistered(msg.sender, name, metadataURI, commissionBps);
    }

    /// @notice Updates the caller's agent name and metadata URI.
    /// @param name New display name (non-empty).
    /// @param metadataURI New metadata URI.
    function updateAgent(string calldata name, string calldata metadataURI) external {
        Agent storage a = _registered(msg.sender);
        if (bytes(name).length == 0) revert EmptyName();
        a.name = name;
        a.metadataURI = metadataURI;
        emit AgentUpdated(msg.sender, name, metadataURI);
    }

    /// @notice Sets the caller's commission for rewards notified from now on. A decrease applies at
    /// once (and drops any scheduled increase); an increase is scheduled and applies
    /// COMMISSION_INCREASE_DELAY later (`CommissionIncreaseScheduled`, then `CommissionChanged`
    /// when it applies).
    /// @param commissionBps New commission in basis points, at most MAX_COMMISSION_BPS.
    function setCommission(uint16 commissionBps) external {
        Agent storage a = _registered(msg.sender);
        if (commissionBps > MAX_COMMISSION_BPS) revert CommissionTooHigh(commissionBps, MAX_COMMISSION_BPS);
        _applyPendingCommission(msg.sender, a);
        if (commissionBps > a.commissionBps) {
            uint64 effectiveAt = uint64(block.timestamp + COMMISSION_INCREASE_DELAY);
            pendingCommissions[msg.sender] = PendingCommission(commissionBps, effectiveAt);
            emit CommissionIncreaseScheduled(msg.sender, a.commissionBps, commissionBps, effectiveAt);
            return;
        }
        delete pendingCommissions[msg.sender];
        emit CommissionChanged(msg.sender, a.commissionBps, commissionBps);
        a.commissionBps = commissionBps;
    }

    /// @notice Applies `agent`'s scheduled commission increase once its time has come (anyone may
    /// call it; {notifyReward} and {setCommission} do it too).
    /// @param agent The agent.
    function applyCommission(address agent) external {
        _applyPendingCommission(agent, agents[agent]);
    }

    // ---------------------------------------------------------------- staking

    /// @notice Stakes `amount` of the caller's CTRN to `agent` (or to self when `agent` is the caller).
    /// The tokens stay in the caller's wallet, locked, and keep their voting power — for the caller
    /// itself, whatever its delegation (the token's rule for locked CTRN, issue 19).
    /// @param agent A registered agent, or the caller for self-stake.
    /// @param amount How much CTRN to stake.
    function stake(address agent, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Agent storage a = agents[agent];
        if (!a.registered && agent != msg.sender) revert AgentNotRegistered(agent);
        Position storage p = positions[msg.sender][agent];
        _updateRewards(agent, a);
        _settle(msg.sender, agent, a, p);

        uint256 shares;
        if (a.bondedShares == 0) {
            shares = amount;
        } else {
            // bondedStake > 0 here: a slash takes < 100 % and an unstake never empties a pool others share.
            shares = Math.mulDiv(amount, a.bondedShares, a.bondedStake);
        }
        if (shares == 0) revert ZeroAmount();
        a.bondedShares += shares;
        a.bondedStake += amount;
        totalBonded += amount;
        p.shares += shares;
        p.principal += amount;
        p.rewardDebt = Math.mulDiv(p.shares, a.rewardPerShare, PRECISION, Math.Rounding.Ceil);
        _checkpointPosition(msg.sender, agent, p.principal);

        token.lock(msg.sender, amount);
        emit Staked(msg.sender, agent, amount, shares);
    }

    /// @notice Moves `amount` of the caller's bonded stake on `agent` into unbonding. It stops
    /// earning rewards and can be withdrawn after the unbonding period (a new request restarts the wait).
    /// It stays slashable while unbonding.
    /// @param agent The agent staked to.
    /// @param amount How much CTRN value to unbond.
    function requestUnstake(address agent, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Agent storage a = agents[agent];
        Position storage p = positions[msg.sender][agent];
        _updateRewards(agent, a);
        _settle(msg.sender, agent, a, p);

        uint256 available = _bondedValue(a, p.shares);
        if (amount > available) revert InsufficientStake(available, amount);
        // Round the shares burned up so the pool never loses value to rounding.
        uint256 shares =
            amount == available ? p.shares : Math.mulDiv(amount, a.bondedShares, a.bondedStake, Math.Rounding.Ceil);
        if (shares > p.shares) shares = p.shares;

        a.bondedShares -= shares;
        a.bondedStake -= amount;
        totalBonded -= amount;
        p.shares -= shares;
        p.rewardDebt = Math.mulDiv(p.shares, a.rewardPerShare, PRECISION, Math.Rounding.Ceil);

        uint256 ushares = a.unbondingShares == 0 ? amount : Math.mulDiv(amount, a.unbondingShares, a.unbondingStake);
        if (ushares == 0) revert ZeroAmount();
        a.unbondingShares += ushares;
        a.unbondingStake += amount;
        totalUnbonding += amount;
        p.unbondingShares += ushares;
        uint64 releaseAt = uint64(block.timestamp + unbondingPeriod);
        p.unbondingReleaseAt = releaseAt;
        emit UnstakeRequested(msg.sender, agent, amount, releaseAt);
    }

    /// @notice Unlocks the caller's unbonded stake on `agent` once the unbonding period is over.
    /// @param agent The agent staked to.
    /// @return amount The CTRN unlocked.
    function withdraw(address agent) external nonReentrant returns (uint256 amount) {
        Agent storage a = agents[agent];
        Position storage p = positions[msg.sender][agent];
        if (p.unbondingShares == 0) revert NothingToWithdraw();
        if (block.timestamp < p.unbondingReleaseAt) revert UnbondingNotFinished(p.unbondingReleaseAt);
        _updateRewards(agent, a);
        _settle(msg.sender, agent, a, p);

        amount = p.unbondingShares == a.unbondingShares
            ? a.unbondingStake
            : Math.mulDiv(p.unbondingShares, a.unbondingStake, a.unbondingShares);
        // Rounding can favour one position by a wei; never unlock more than it locked.
        if (amount > p.principal) amount = p.principal;
        a.unbondingShares -= p.unbondingShares;
        a.unbondingStake -= amount;
        totalUnbonding -= amount;
        p.unbondingShares = 0;
        p.principal -= amount;
        _checkpointPosition(msg.sender, agent, p.principal);

        if (amount > 0) token.unlock(msg.sender, amount);
        emit Withdrawn(msg.sender, agent, amount);
    }

    /// @notice Burns the part of `holder`'s locked tokens that slashes of `agent` have taken.
    /// Anyone may call it; staking actions do it automatically.
    /// @param holder The staker.
    /// @param agent The agent staked to.
    function applySlash(address holder, address agent) external nonReentrant {
        _updateRewards(agent, agents[agent]);
        _settle(holder, agent, agents[agent], positions[holder][agent]);
    }

    /// @notice {applySlash} for many stakers of one agent (a keeper, or the slashing proposal itself,
    /// can burn slashed stake everywhere). Votes do not wait for it: the token already nets slashed,
    /// unburned stake out of them ({unappliedSlashAt}); the burn brings locked balances, lock
    /// checkpoints (revenue weights) and raw vote checkpoints in line.
    /// @param agent The agent staked to.
    /// @param holders The stakers.
    function applySlashes(address agent, address[] calldata holders) external nonReentrant {
        Agent storage a = agents[agent];
        _updateRewards(agent, a);
        for (uint256 i; i < holders.length; ++i) {
            _settle(holders[i], agent, a, positions[holders[i]][agent]);
        }
    }

    // ---------------------------------------------------------------- rewards

    /// @notice Pulls `amount` CTRN from the caller as rewards for `agent`: the agent's commission
    /// is set aside at once and the rest is streamed to its bonded stakers over `rewardPeriod`
    /// (with what is left of an earlier stream), in proportion to their shares second by second.
    /// Any contract may call it (marketplace, revenue distributor, ...), after approving the hub.
    /// @param agent The agent being rewarded.
    /// @param amount How much CTRN.
    function notifyReward(address agent, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Agent storage a = agents[agent];
        if (a.bondedShares == 0) revert NoStakers(agent);
        IERC20(address(token)).safeTransferFrom(msg.sender, address(this), amount);
        totalRewardsReceived += amount;
        _applyPendingCommission(agent, a);
        _updateRewards(agent, a);

        uint256 commission = amount * a.commissionBps / 10_000;
        uint256 shared = amount - commission;
        RewardStream storage s = rewardStreams[agent];
        uint256 left = block.timestamp < s.finishAt ? s.ratePerSecond * (s.finishAt - block.timestamp) : 0;
        uint256 period = rewardPeriod;
        uint256 rate = (shared * PRECISION + left) / period;
        // What a rate per second cannot represent (under `period` / 1e18 CTRN) goes to the agent, so
        // nothing is stranded and the stream never pays out more than it holds.
        commission += (shared * PRECISION + left - rate * period) / PRECISION;
        s.ratePerSecond = rate;
        s.finishAt = uint64(block.timestamp + period);
        s.updatedAt = uint64(block.timestamp);
        a.commissionAccrued += commission;
        emit RewardNotified(agent, msg.sender, amount, commission);
        emit RewardStreamed(agent, rate, s.finishAt);
    }

    /// @notice Pays the caller's rewards from staking to `agent`. O(1).
    /// @param agent The agent staked to.
    /// @return amount The CTRN paid.
    function claim(address agent) external nonReentrant returns (uint256 amount) {
        Position storage p = positions[msg.sender][agent];
        _updateRewards(agent, agents[agent]);
        _settle(msg.sender, agent, agents[agent], p);
        amount = p.rewardsOwed;
        if (amount == 0) revert NothingToClaim();
        p.rewardsOwed = 0;
        totalRewardsPaid += amount;
        IERC20(address(token)).safeTransfer(msg.sender, amount);
        emit RewardClaimed(msg.sender, agent, amount);
    }

    /// @notice Pays the caller's accrued agent commission.
    /// @return amount The CTRN paid.
    function claimCommission() external nonReentrant returns (uint256 amount) {
        Agent storage a = agents[msg.sender];
        amount = a.commissionAccrued;
        if (amount == 0) revert NothingToClaim();
        a.commissionAccrued = 0;
        totalRewardsPaid += amount;
        IERC20(address(token)).safeTransfer(msg.sender, amount);
        emit CommissionClaimed(msg.sender, amount);
    }

    // ------------------------------------------------------------- governance

    /// @notice Slashes `fraction` (scaled by PRECISION) of `agent`'s bonded and unbonding stake,
    /// for all of its stakers at once. Governance only.
    /// @param agent The agent (or self-staker) to slash.
    /// @param fraction Share of the stake to take, 0 < fraction <= MAX_SLASH_FRACTION (half; a pool is
    /// never emptied, so share prices stay defined).
    function slash(address agent, uint256 fraction) external onlyGovernance {
        if (fraction == 0 || fraction > MAX_SLASH_FRACTION) revert InvalidSlashFraction(fraction);
        Agent storage a = agents[agent];
        uint256 bonded = Math.mulDiv(a.bondedStake, fraction, PRECISION);
        uint256 unbonding = Math.mulDiv(a.unbondingStake, fraction, PRECISION);
        a.bondedStake -= bonded;
        a.unbondingStake -= unbonding;
        totalBonded -= bonded;
        totalUnbonding -= unbonding;
        // For votes: the multiplier after this slash, and the count by block (never 0, so a position's
        // value stays a defined ratio even after a hundred slashes).
        uint256[] storage multipliers = _slashMultipliers[agent];
        uint256 n = multipliers.length;
        uint256 m = Math.mulDiv(n == 0 ? MULTIPLIER_ONE : multipliers[n - 1], PRECISION - fraction, PRECISION);
        multipliers.push(m == 0 ? 1 : m);
        _slashCounts[agent].push(SafeCast.toUint48(block.number), SafeCast.toUint208(n + 1));
        emit AgentSlashed(agent, fraction, bonded, unbonding);
    }

    /// @notice Sets the size of the elected set. Governance only.
    /// @param count New size, 1..MAX_ELECTED.
    function setElectedCount(uint256 count) external onlyGovernance {
        if (count == 0 || count > MAX_ELECTED) revert InvalidElectedCount(count);
        emit ElectedCountChanged(electedCount, count);
        electedCount = count;
    }

    /// @notice Sets the unbonding period for requests made from now on. Governance only.
    /// @param period New period in seconds, MIN_UNBONDING_PERIOD..MAX_UNBONDING_PERIOD.
    function setUnbondingPeriod(uint256 period) external onlyGovernance {
        // At least a day: stake that can leave at once escapes slashes and is counted twice (issue 19).
        if (period < MIN_UNBONDING_PERIOD || period > MAX_UNBONDING_PERIOD) revert InvalidUnbondingPeriod(period);
        emit UnbondingPeriodChanged(unbondingPeriod, period);
        unbondingPeriod = period;
    }

    /// @notice Sets the period over which later rewards are streamed. Governance only.
    /// @param period Seconds, MIN_REWARD_PERIOD..MAX_REWARD_PERIOD.
    function setRewardPeriod(uint256 period) external onlyGovernance {
        if (period < MIN_REWARD_PERIOD || period > MAX_REWARD_PERIOD) revert InvalidRewardPeriod(period);
        emit RewardPeriodChanged(rewardPeriod, period);
        rewardPeriod = period;
    }

    // ------------------------------------------------------------------ views

    /// @notice The commission `agent` takes from a reward notified now (a scheduled increase whose
    /// time has come included).
    function commissionOf(address agent) external view returns (uint16) {
        PendingCommission storage pc = pendingCommissions[agent];
        if (pc.effectiveAt != 0 && block.timestamp >= pc.effectiveAt) return pc.bps;
        return agents[agent].commissionBps;
    }

    /// @notice The top `electedCount` registered agents by bonded stake, highest first
    /// (ties: earlier registration first); agents without stake are never elected.
    /// @dev A view for eth_call and other contracts' reads. One pass over the registry keeps the
    /// best `electedCount` in a min-heap, then sorts them: O(agents * log N + N log N) instead of the
    /// former insertion into a sorted array, O(agents * N) (issue 19, finding 8).
    /// @return elected The elected agents.
    function electedAgents() external view returns (address[] memory elected) {
        uint256 n = electedCount;
        // Heap of (stake, registration index), smallest "rank" at the root: lower stake, or equal
        // stake and later registration, ranks lower.
        uint256[] memory stakes = new uint256[](n);
        uint256[] memory idx = new uint256[](n);
        uint256 size;
        uint256 count = agentList.length;
        for (uint256 i; i < count; ++i) {
            uint256 s = agents[agentList[i]].bondedStake;
            if (s == 0) continue;
            if (size < n) {
                // sift up
                uint256 j = size++;
                while (j > 0) {
                    uint256 parent = (j - 1) / 2;
                    if (!_ranksLower(s, i, stakes[parent], idx[parent])) break;
                    stakes[j] = stakes[parent];
                    idx[j] = idx[parent];
                    j = parent;
                }
                stakes[j] = s;
                idx[j] = i;
            } else if (s > stakes[0]) {
                // Beats the lowest kept (a later registration never wins a tie): replace the root.
                _siftDown(stakes, idx, size, 0, s, i);
            }
        }
        // Pop the minimum into the back: the array ends up highest first.
        elected = new address[](size);
        for (uint256 k = size; k > 0; --k) {
            elected[k - 1] = agentList[idx[0]];
            uint256 last = k - 1;
            if (last > 0) _siftDown(stakes, idx, last, 0, stakes[last], idx[last]);
        }
    }

    /// @dev Whether (s1, i1) ranks below (s2, i2): less stake, or as much and registered later.
    function _ranksLower(uint256 s1, uint256 i1, uint256 s2, uint256 i2) private pure returns (bool) {
        return s1 < s2 || (s1 == s2 && i1 > i2);
    }

    /// @dev Puts (s, i) at heap position `j` of a heap of `size` and sifts it down.
    function _siftDown(uint256[] memory stakes, uint256[] memory idx, uint256 size, uint256 j, uint256 s, uint256 i)
        private
        pure
    {
        while (true) {
            uint256 child = 2 * j + 1;
            if (child >= size) break;
            if (child + 1 < size && _ranksLower(stakes[child + 1], idx[child + 1], stakes[child], idx[child])) {
                ++child;
            }
            if (!_ranksLower(stakes[child], idx[child], s, i)) break;
            stakes[j] = stakes[child];
            idx[j] = idx[child];
            j = child;
        }
        stakes[j] = s;
        idx[j] = i;
    }

    /// @notice Number of registered agents.
    function agentCount() external view returns (uint256) {
        return agentList.length;
    }

    /// @notice Current CTRN value of `holder`'s stake on `agent` (after slashes).
    /// @return bonded Value of the bonded part.
    /// @return unbonding Value of the unbonding part.
    function stakeOf(address holder, address agent) external view returns (uint256 bonded, uint256 unbonding) {
        Agent storage a = agents[agent];
        Position storage p = positions[holder][agent];
        bonded = _bondedValue(a, p.shares);
        unbonding = p.unbondingShares == 0 ? 0 : Math.mulDiv(p.unbondingShares, a.unbondingStake, a.unbondingShares);
    }

    /// @notice CTRN of `holder`'s stake that slashes had taken by the end of block `timepoint` but that
    /// was not yet burned from its wallet (issue 19). The token subtracts it from `holder`'s votes
    /// (locked CTRN votes only for its holder), so a slashed stake never votes with its forfeited
    /// part, at a proposal's snapshot or now, whether or not anyone has run {applySlash} since.
    /// @dev O(agents the holder ever staked to): per agent, two checkpoint lookups and, only if a
    /// slash came after the position's last settlement, one more read. The value is the principal
    /// times the ratio of the agent's slash multipliers, which can differ from the pools' share
    /// arithmetic ({stakeOf}) by rounding wei.
    /// @param holder The staker.
    /// @param timepoint A block number (the current one gives the current value).
    /// @return forfeited The slashed, unburned CTRN.
    function unappliedSlashAt(address holder, uint256 timepoint) external view returns (uint256 forfeited) {
        uint48 t = SafeCast.toUint48(timepoint);
        address[] storage list = _holderAgents[holder];
        uint256 count = list.length;
        for (uint256 i; i < count; ++i) {
            address agent = list[i];
            uint256 packed = _positionHistory[holder][agent].upperLookupRecent(t);
            uint256 principal = uint160(packed);
            if (principal == 0) continue;
            uint256 settledAt = packed >> 160;
            uint256 slashes = _slashCounts[agent].upperLookupRecent(t);
            if (slashes == settledAt) continue;
            uint256[] storage m = _slashMultipliers[agent];
            uint256 before = settledAt == 0 ? MULTIPLIER_ONE : m[settledAt - 1];
            forfeited += principal - Math.mulDiv(principal, m[slashes - 1], before);
        }
    }

    /// @notice Rewards `holder` could claim now from staking to `agent`.
    function pendingRewards(address holder, address agent) external view returns (uint256) {
        Position storage p = positions[holder][agent];
        Agent storage a = agents[agent];
        (uint256 perShare,) = _streamed(agent, a);
        uint256 accrued = Math.mulDiv(p.shares, a.rewardPerShare + perShare, PRECISION);
        return p.rewardsOwed + (accrued > p.rewardDebt ? accrued - p.rewardDebt : 0);
    }

    // --------------------------------------------------------------- internal

    function _registered(address agent) private view returns (Agent storage a) {
        a = agents[agent];
        if (!a.registered) revert AgentNotRegistered(agent);
    }

    function _bondedValue(Agent storage a, uint256 shares) private view returns (uint256) {
        if (shares == 0) return 0;
        if (shares == a.bondedShares) return a.bondedStake;
        return Math.mulDiv(shares, a.bondedStake, a.bondedShares);
    }

    /// @dev What `agent`'s stream has paid since it was last accounted: per bonded share (scaled by
    /// PRECISION), or, while the agent has no bonded stake, to the agent itself.
    function _streamed(address agent, Agent storage a) private view returns (uint256 perShare, uint256 toAgent) {
        RewardStream storage s = rewardStreams[agent];
        uint256 until = Math.min(block.timestamp, s.finishAt);
        if (until <= s.updatedAt) return (0, 0);
        uint256 emitted = s.ratePerSecond * (until - s.updatedAt);
        if (a.bondedShares == 0) return (0, emitted / PRECISION);
        return (emitted / a.bondedShares, 0);
    }

    /// @dev Accounts `agent`'s stream up to now, before its bonded shares change or a staker settles.
    function _updateRewards(address agent, Agent storage a) private {
        (uint256 perShare, uint256 toAgent) = _streamed(agent, a);
        RewardStream storage s = rewardStreams[agent];
        if (s.updatedAt < block.timestamp) s.updatedAt = uint64(block.timestamp);
        if (perShare > 0) a.rewardPerShare += perShare;
        if (toAgent > 0) a.commissionAccrued += toAgent;
    }

    function _applyPendingCommission(address agent, Agent storage a) private {
        PendingCommission storage pc = pendingCommissions[agent];
        if (pc.effectiveAt == 0 || block.timestamp < pc.effectiveAt) return;
        emit CommissionChanged(agent, a.commissionBps, pc.bps);
        a.commissionBps = pc.bps;
        delete pendingCommissions[agent];
    }

    /// @dev Brings a position up to date: accrues rewards, then burns what slashes have taken.
    function _settle(address holder, address agent, Agent storage a, Position storage p) private {
        if (p.shares > 0) {
            // Debts round up and accruals down, so no staker is ever paid a rounding wei it was not owed.
            uint256 accrued = Math.mulDiv(p.shares, a.rewardPerShare, PRECISION);
            if (accrued > p.rewardDebt) p.rewardsOwed += accrued - p.rewardDebt;
            p.rewardDebt = Math.mulDiv(p.shares, a.rewardPerShare, PRECISION, Math.Rounding.Ceil);
        }
        if (p.principal == 0) return;
        uint256 value = _bondedValue(a, p.shares)
            + (p.unbondingShares == 0 ? 0 : Math.mulDiv(p.unbondingShares, a.unbondingStake, a.unbondingShares));
        if (value < p.principal) {
            uint256 burned = p.principal - value;
            p.principal = value;
            token.burnLocked(holder, burned);
            emit SlashApplied(holder, agent, burned);
        }
        _checkpointPosition(holder, agent, p.principal);
    }

    /// @dev Records `holder`'s principal on `agent` and the agent's slash count as of this block, when
    /// either changed: the history {unappliedSlashAt} reads. A zero principal never starts a history,
    /// so no one but the holder (by staking) adds to its list of agents.
    function _checkpointPosition(address holder, address agent, uint256 principal) private {
        Checkpoints.Trace208 storage h = _positionHistory[holder][agent];
        uint256 packed = (_slashMultipliers[agent].length << 160) | SafeCast.toUint160(principal);
        if (h.length() == 0) {
            if (principal == 0) return;
            _holderAgents[holder].push(agent);
        } else if (h.latest() == packed) {
            return;
        }
        h.push(SafeCast.toUint48(block.number), SafeCast.toUint208(packed));
    }
}
