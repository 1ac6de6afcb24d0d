// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Reputation} from "../Reputation.sol";

/// @notice A contract told the outcome of a pool it opened (the marketplace, for disputes).
interface IValidationPoolCallback {
    /// @notice Pool `poolId` about `subject` was resolved; `posterWon` is its outcome.
    function onPoolResolved(uint256 poolId, uint256 subject, bool posterWon) external;
    /// @notice Dispute pool `poolId` about `subject` closed without enough participation to decide.
    function onPoolUndecided(uint256 poolId, uint256 subject) external;
}

/// @title Computronium validation pools
/// @notice A poster opens a pool on a question (a marketplace dispute, a model
/// review, any question) with a REP stake on "yes" (the poster's claim). REP
/// holders stake REP on yes or no during the voting window. After it, anyone
/// resolves the pool: yes wins only with strictly more stake than no. The
/// winners take back their stake plus the losing side's stake pro rata; the
/// result is an event (the "forum" record) and, for a pool opened by a
/// contract (a dispute), a callback that settles the escrow.
/// Stakes are weighed by REP at the pool's opening snapshot (`getPastVotes` at the
/// block before it opened), capped per voter, and a stake that flips the result
/// within `lateVoteExtension` of the deadline extends it. A dispute needs
/// participation beyond the poster to be decided.
/// @dev REP is non-transferable, so staking burns the voter's REP (the pool
/// needs SLASHER_ROLE) and withdrawing mints the payout (MINTER_ROLE):
/// REP minted back = stakes of the winning side + the losing side's stake,
/// less rounding (at most one wei per winning voter, never minted).
contract ValidationPool is AccessControl, ReentrancyGuard {
    /// @notice Contracts that may open pools with a callback (the marketplace).
    bytes32 public constant OPENER_ROLE = keccak256("OPENER_ROLE");
    bytes32 public constant STAKE_REASON = "pool-stake";
    bytes32 public constant PAYOUT_REASON = "pool-payout";
    uint256 public constant MAX_WINDOW = 30 days;

    enum Kind {
        Question,
        Dispute,
        ModelReview
    }

    struct Pool {
        address poster;
        Kind kind;
        bool resolved;
        bool yesWon;
        uint64 openedAt;
        uint64 deadline;
        address callback;
        uint256 subject; // purchase id, model id, or 0
        uint256 yesStake;
        uint256 noStake;
        string question;
    }

    struct Vote {
        uint256 stake;
        bool support;
        bool withdrawn;
    }

    Reputation public immutable reputation;
    /// @notice The timelock: sets the window and minimum stake.
    address public immutable governance;
    uint256 public votingWindow;
    uint256 public minStake;
    /// @notice REP that voters other than the poster must stake in a dispute for it to be decided.
    /// Below it the dispute is undecided: nobody wins by default, stakes go back.
    uint256 public minDisputeParticipation = 1e18;
    /// @notice Whether a resolved pool was undecided (a dispute without enough participation).
    mapping(uint256 poolId => bool) public undecided;
    /// @notice The most REP one voter may stake in one pool.
    uint256 public maxStakePerVoter = 1_000e18;
    /// @notice A stake that changes the leading side less than this before the deadline moves the
    /// deadline to this long after it, so the other side can always answer.
    uint256 public lateVoteExtension = 1 hours;
    /// @notice The REP snapshot of a pool: the block before it opened. A voter stakes at most the REP
    /// it held then (`getPastVotes`), so REP minted after the pool opened cannot tip it.
    mapping(uint256 poolId => uint256) public snapshotBlock;
    uint256 public poolCount;
    /// @notice REP burned as pool stake and not minted back (losing stakes not yet paid, and rounding).
    uint256 public totalStaked;

    mapping(uint256 poolId => Pool) public pools;
    mapping(uint256 poolId => mapping(address voter => Vote)) public votes;

    event PoolOpened(
        uint256 indexed poolId,
        address indexed poster,
        Kind kind,
        uint256 indexed subject,
        uint256 stake,
        uint64 deadline,
        string question
    );
    event PoolVoted(uint256 indexed poolId, address indexed voter, bool support, uint256 stake);
    event PoolResolved(uint256 indexed poolId, bool yesWon, uint256 yesStake, uint256 noStake);
    event StakeWithdrawn(uint256 indexed poolId, address indexed voter, uint256 payout);
    event VotingWindowChanged(uint256 oldWindow, uint256 newWindow);
    event MinStakeChanged(uint256 oldStake, uint256 newStake);
    event PoolUndecided(uint256 indexed poolId, uint256 yesStake, uint256 noStake);
    event MinDisputeParticipationChanged(uint256 oldStake, uint256 newStake);
    event DeadlineExtended(uint256 indexed poolId, uint64 deadline);
    event StakeLimitsChanged(uint256 maxStakePerVoter, uint256 lateVoteExtension);

    error ZeroAddress();
    error NotGovernance(address caller);
    error UnknownPool(uint256 poolId);
    error StakeTooLow(uint256 stake, uint256 minStake);
    error InsufficientReputation(address account, uint256 needed);
    error VotingClosed(uint256 poolId);
    error VotingOpen(uint256 poolId, uint256 deadline);
    error AlreadyResolved(uint256 poolId);
    error NotResolved(uint256 poolId);
    error SideConflict(uint256 poolId, address voter);
    error NothingToWithdraw(uint256 poolId, address voter);
    error InvalidWindow(uint256 window);
    error DisputeNeedsOpener();
    /// @notice `voter` would stake more than its REP at the pool's snapshot or the per-voter cap.
    error StakeAboveLimit(address voter, uint256 limit);
    error InvalidStakeLimits(uint256 maxStakePerVoter, uint256 lateVoteExtension);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    /// @param reputation_ REP (the pool needs its MINTER_ROLE and SLASHER_ROLE).
    /// @param governance_ The timelock.
    /// @param admin Initial admin of OPENER_ROLE (the deployer, who hands it to the timelock).
    /// @param window Voting window in seconds.
    /// @param minStake_ Minimum REP a poster stakes.
    constructor(Reputation reputation_, address governance_, address admin, uint256 window, uint256 minStake_) {
        if (address(reputation_) == address(0) || governance_ == address(0) || admin == address(0)) {
            revert ZeroAddress();
        }
        reputation = reputation_;
        governance = governance_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setWindow(window);
        minStake = minStake_;
    }

    /// @notice Opens a pool on `question` staking `stake` of the caller's REP on yes.
    /// @param kind Question or ModelReview (disputes are opened by the marketplace).
    /// @param subject What the pool is about (a model id, or 0).
    /// @param stake REP staked on yes, at least `minStake`.
    /// @param text The question or claim (text or a URI).
    /// @return poolId The new pool.
    function open(Kind kind, uint256 subject, uint256 stake, string calldata text)
        external
        nonReentrant
        returns (uint256 poolId)
    {
        if (kind == Kind.Dispute) revert DisputeNeedsOpener();
        poolId = _open(msg.sender, kind, subject, stake, text, address(0));
    }

    /// @notice Opens a dispute pool for `poster`, with the caller (the marketplace) as callback.
    /// OPENER_ROLE only.
    /// @param poster The party that disputes; its REP is staked on yes.
    /// @param subject The purchase id.
    /// @param stake REP staked.
    /// @param text The dispute's claim.
    /// @return poolId The new pool.
    function openDispute(address poster, uint256 subject, uint256 stake, string calldata text)
        external
        onlyRole(OPENER_ROLE)
        nonReentrant
        returns (uint256 poolId)
    {
        poolId = _open(poster, Kind.Dispute, subject, stake, text, msg.sender);
    }

    /// @notice Opens a dispute pool for `poster` without a REP stake (the marketplace holds the
    /// poster's CTRN bond instead), with the caller as callback. OPENER_ROLE only.
    /// @param poster The party that disputes (a buyer, who need not hold REP).
    /// @param subject The purchase id.
    /// @param text The dispute's claim.
    /// @return poolId The new pool.
    function openBondedDispute(address poster, uint256 subject, string calldata text)
        external
        onlyRole(OPENER_ROLE)
        nonReentrant
        returns (uint256 poolId)
    {
        poolId = _create(poster, Kind.Dispute, subject, 0, text, msg.sender);
    }

    /// @notice Stakes `amount` of the caller's REP on yes (`support`) or no, before the deadline.
    /// A voter stays on one side.
    /// @param poolId The pool.
    /// @param support True for yes (the poster's claim), false for no.
    /// @param amount REP to stake.
    function vote(uint256 poolId, bool support, uint256 amount) external nonReentrant {
        Pool storage p = _pool(poolId);
        if (block.timestamp >= p.deadline) revert VotingClosed(poolId);
        if (amount == 0) revert StakeTooLow(0, 1);
        _stake(poolId, p, msg.sender, support, amount);
    }

    /// @notice Resolves a pool after its deadline; calls back the opener of a dispute.
    /// Anyone may call it.
    /// @param poolId The pool.
    /// @return yesWon Whether the poster's claim won.
    function resolve(uint256 poolId) external nonReentrant returns (bool yesWon) {
        Pool storage p = _pool(poolId);
        if (p.resolved) revert AlreadyResolved(poolId);
        if (block.timestamp < p.deadline) revert VotingOpen(poolId, p.deadline);
        p.resolved = true;
        if (p.kind == Kind.Dispute && p.yesStake + p.noStake - votes[poolId][p.poster].stake < minDisputeParticipation)
        {
            // Nobody but the poster weighed in: an unopposed dispute pays no one by default.
            undecided[poolId] = true;
            emit PoolUndecided(poolId, p.yesStake, p.noStake);
            IValidationPoolCallback(p.callback).onPoolUndecided(poolId, p.subject);
            return false;
        }
        yesWon = p.yesStake > p.noStake;
        p.yesWon = yesWon;
        emit PoolResolved(poolId, yesWon, p.yesStake, p.noStake);
        if (p.callback != address(0)) {
            IValidationPoolCallback(p.callback).onPoolResolved(poolId, p.subject, yesWon);
        }
    }

    /// @notice Pays a winning voter its stake plus its share of the losing side (minted REP). O(1).
    /// @param poolId A resolved pool.
    /// @return payout The REP minted to the caller.
    function withdraw(uint256 poolId) external nonReentrant returns (uint256 payout) {
        Pool storage p = _pool(poolId);
        if (!p.resolved) revert NotResolved(poolId);
        Vote storage v = votes[poolId][msg.sender];
        bool refund = undecided[poolId]; // every stake goes back
        if (v.stake == 0 || v.withdrawn || (!refund && v.support != p.yesWon)) {
            revert NothingToWithdraw(poolId, msg.sender);
        }
        v.withdrawn = true;
        (uint256 winning, uint256 losing) = p.yesWon ? (p.yesStake, p.noStake) : (p.noStake, p.yesStake);
        payout = refund ? v.stake : v.stake + Math.mulDiv(v.stake, losing, winning);
        totalStaked -= payout; // a pool pays out at most what was staked in it
        reputation.mint(msg.sender, payout, PAYOUT_REASON);
        emit StakeWithdrawn(poolId, msg.sender, payout);
    }

    /// @notice Sets the voting window of pools opened from now on. Governance only.
    /// @param window Seconds, 1..MAX_WINDOW.
    function setVotingWindow(uint256 window) external onlyGovernance {
        _setWindow(window);
    }

    /// @notice Sets the minimum poster stake. Governance only.
    /// @param stake REP.
    function setMinStake(uint256 stake) external onlyGovernance {
        emit MinStakeChanged(minStake, stake);
        minStake = stake;
    }

    /// @notice Sets the participation (REP staked by others than the poster) a dispute needs to be
    /// decided. Governance only.
    /// @param stake REP, at least 1 wei.
    function setMinDisputeParticipation(uint256 stake) external onlyGovernance {
        if (stake == 0) revert StakeTooLow(0, 1);
        emit MinDisputeParticipationChanged(minDisputeParticipation, stake);
        minDisputeParticipation = stake;
    }

    /// @notice Sets the per-voter stake cap and the late-vote extension. Governance only.
    /// @param maxStake REP, at least minStake and non-zero.
    /// @param extension Seconds, at most MAX_WINDOW.
    function setStakeLimits(uint256 maxStake, uint256 extension) external onlyGovernance {
        if (maxStake == 0 || maxStake < minStake || extension > MAX_WINDOW) {
            revert InvalidStakeLimits(maxStake, extension);
        }
        maxStakePerVoter = maxStake;
        lateVoteExtension = extension;
        emit StakeLimitsChanged(maxStake, extension);
    }

    /// @notice The most `voter` may still stake in pool `poolId`: its REP at the snapshot, capped by
    /// `maxStakePerVoter`, less what it staked already.
    function stakeLimit(uint256 poolId, address voter) public view returns (uint256) {
        uint256 limit = reputation.getPastVotes(voter, snapshotBlock[poolId]);
        if (limit > maxStakePerVoter) limit = maxStakePerVoter;
        uint256 staked = votes[poolId][voter].stake;
        return limit > staked ? limit - staked : 0;
    }

    /// @notice A pool, whole.
    function getPool(uint256 poolId) external view returns (Pool memory) {
        return pools[poolId];
    }

    /// @notice The question text of a pool.
    function question(uint256 poolId) external view returns (string memory) {
        return pools[poolId].question;
    }

    function _open(
        address poster,
        Kind kind,
        uint256 subject,
        uint256 stake,
        string calldata question_,
        address callback
    ) private returns (uint256 poolId) {
        if (stake < minStake || stake == 0) revert StakeTooLow(stake, minStake);
        poolId = _create(poster, kind, subject, stake, question_, callback);
        _stake(poolId, pools[poolId], poster, true, stake);
    }

    function _create(
        address poster,
        Kind kind,
        uint256 subject,
        uint256 stake,
        string calldata question_,
        address callback
    ) private returns (uint256 poolId) {
        poolId = ++poolCount;
        Pool storage p = pools[poolId];
        p.poster = poster;
        p.kind = kind;
        p.openedAt = uint64(block.timestamp);
        snapshotBlock[poolId] = block.number - 1;
        p.deadline = uint64(block.timestamp + votingWindow);
        p.callback = callback;
        p.subject = subject;
        p.question = question_;
        emit PoolOpened(poolId, poster, kind, subject, stake, p.deadline, question_);
    }

    function _stake(uint256 poolId, Pool storage p, address voter, bool support, uint256 amount) private {
        Vote storage v = votes[poolId][voter];
        if (v.stake > 0 && v.support != support) revert SideConflict(poolId, voter);
        if (reputation.balanceOf(voter) < amount) revert InsufficientReputation(voter, amount);
        uint256 limit = stakeLimit(poolId, voter);
        if (amount > limit) revert StakeAboveLimit(voter, limit);
        bool yesLed = p.yesStake > p.noStake;
        reputation.slash(voter, amount, STAKE_REASON);
        v.stake += amount;
        v.support = support;
        if (support) p.yesStake += amount;
        else p.noStake += amount;
        totalStaked += amount;
        emit PoolVoted(poolId, voter, support, amount);
        // A stake that flips the result close to the deadline gives the other side time to answer.
        if ((p.yesStake > p.noStake) != yesLed && p.deadline < block.timestamp + lateVoteExtension) {
            p.deadline = uint64(block.timestamp + lateVoteExtension);
            emit DeadlineExtended(poolId, p.deadline);
        }
    }

    function _pool(uint256 poolId) private view returns (Pool storage p) {
        p = pools[poolId];
        if (p.poster == address(0)) revert UnknownPool(poolId);
    }

    function _setWindow(uint256 window) private {
        if (window == 0 || window > MAX_WINDOW) revert InvalidWindow(window);
        emit VotingWindowChanged(votingWindow, window);
        votingWindow = window;
    }
}
