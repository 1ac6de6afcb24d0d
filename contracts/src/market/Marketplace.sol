// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {RevenueDistributor} from "./RevenueDistributor.sol";
import {ValidationPool, IValidationPoolCallback} from "./ValidationPool.sol";

/// @notice The staking hub's reward entry point.
interface IRewardSink {
    /// @notice Pulls `amount` CTRN from the caller as rewards for `agent`'s stakers.
    function notifyReward(address agent, uint256 amount) external;
}

/// @notice REP minting (the marketplace holds REP's MINTER_ROLE).
interface IReputationMinter {
    /// @notice Mints `amount` REP to `account`, tagged with `reason`.
    function mint(address account, uint256 amount, bytes32 reason) external;
}

/// @title Computronium marketplace
/// @notice Providers list datasets, data streams (per period), compute offers
/// (per hour; hardware specs in the metadata) and model licences, each with a
/// CTRN price, a unit, a metadata URI with its sha256, a "rune" split of the
/// proceeds, and optionally an EIP-712 signature of the provider over the
/// manifest. A purchase puts the price in escrow; the provider marks delivery
/// with a receipt hash; the buyer confirms, or anyone releases the escrow once
/// `releaseTimeout` has passed after delivery; a buyer whose purchase was never
/// delivered gets a refund after `deliveryTimeout` (delivery after it is refused).
/// The buyer may dispute with REP or with a CTRN bond, the provider (with REP)
/// only after delivery: a validation pool decides, its result settles or refunds
/// the escrow, and a dispute nobody else weighed in on decides nothing. A
/// purchase pins the listing's metadata hash it was bought at.
/// @dev Settlement: `commissionBps` of the price goes to the revenue
/// distributor (which burns part of it); the rest is split by the rune:
/// developer and infrastructure shares are credited (pull payments, {withdraw}),
/// the stakers' share goes to the agent's stakers through the staking hub (to
/// the developer if the agent has no stakers). The provider earns REP in
/// proportion to the commission paid (above a floor, capped per buyer) and
/// activity is recorded for revenue weights. Invariants: `escrowTotal` equals
/// the sum of open purchases, and the CTRN balance equals
/// `escrowTotal + creditsTotal + bondsTotal`.
contract Marketplace is EIP712, Nonces, ReentrancyGuard, IValidationPoolCallback {
    using SafeERC20 for IERC20;

    uint256 public constant BPS = 10_000;
    uint16 public constant MAX_COMMISSION_BPS = 2_000;
    /// @notice Highest REP rate governance may set: 10 REP per CTRN of commission.
    uint256 public constant MAX_REP_PER_CTRN = 10e18;
    /// @notice Bounds of the release and delivery timeouts governance may set: a buyer always has
    /// an hour to confirm or dispute, and a provider an hour to deliver.
    uint256 public constant MIN_TIMEOUT = 1 hours;
    uint256 public constant MAX_TIMEOUT = 90 days;
    bytes32 public constant SETTLEMENT_REASON = "settlement";
    /// @notice EIP-712 type of a provider-signed listing manifest.
    bytes32 public constant MANIFEST_TYPEHASH = keccak256(
        "Manifest(address provider,uint8 kind,uint256 price,bytes32 unit,string metadataURI,bytes32 metadataHash,Rune rune,uint256 nonce)Rune(address agent,address developer,address infra,uint16 developerBps,uint16 infraBps,uint16 stakersBps)"
    );
    /// @notice EIP-712 type of a manifest that expires (issue 19, finding 8): a signature relayed after
    /// `deadline` is refused. The type without a deadline stays for clients that sign it.
    bytes32 public constant MANIFEST_DEADLINE_TYPEHASH = keccak256(
        "ManifestWithDeadline(address provider,uint8 kind,uint256 price,bytes32 unit,string metadataURI,bytes32 metadataHash,Rune rune,uint256 nonce,uint256 deadline)Rune(address agent,address developer,address infra,uint16 developerBps,uint16 infraBps,uint16 stakersBps)"
    );
    bytes32 public constant RUNE_TYPEHASH = keccak256(
        "Rune(address agent,address developer,address infra,uint16 developerBps,uint16 infraBps,uint16 stakersBps)"
    );

    enum Kind {
        Dataset,
        DataStream,
        Compute,
        ModelLicence
    }

    enum Status {
        None,
        Escrowed,
        Delivered,
        Disputed,
        Settled,
        Refunded
    }

    /// @notice How a listing's proceeds (after commission) are split.
    struct Rune {
        address agent; // whose stakers get `stakersBps` (through the staking hub)
        address developer; // the agent's developer (gets the rest)
        address infra; // the infrastructure provider
        uint16 developerBps;
        uint16 infraBps;
        uint16 stakersBps;
    }

    /// @notice What a provider submits to list.
    struct ListingParams {
        Kind kind;
        uint256 price; // CTRN per unit
        bytes32 unit; // "dataset", "month", "hour", "licence", ...
        string metadataURI; // file:, data:, https: or ipfs:
        bytes32 metadataHash; // sha256 of the metadata document
        Rune rune;
    }

    struct Listing {
        address provider;
        Kind kind;
        bool active;
        bool signed; // the manifest carries the provider's EIP-712 signature
        uint64 createdAt;
        uint256 price;
        bytes32 unit;
        bytes32 metadataHash;
        string metadataURI;
        Rune rune;
    }

    struct Purchase {
        uint256 listingId;
        address buyer;
        Status status;
        uint64 createdAt;
        uint64 deliveredAt;
        address disputer;
        uint256 quantity;
        uint256 amount; // escrowed CTRN
        bytes32 receiptHash;
        uint256 poolId;
    }

    IERC20 public immutable token;
    RevenueDistributor public immutable distributor;
    IRewardSink public immutable stakingHub;
    IReputationMinter public immutable reputation;
    ValidationPool public immutable validationPool;
    /// @notice The timelock: sets commission, timeouts and the REP rate.
    address public immutable governance;

    uint16 public commissionBps = 500;
    uint256 public releaseTimeout;
    uint256 public deliveryTimeout;
    /// @notice REP minted to the provider per CTRN of commission actually paid, scaled by 1e18.
    /// @dev REP is earned only by activity that cost something: a sale's commission goes to the
    /// revenue pool (part of it burned), so REP minted <= repPerCtrn x commission paid.
    uint256 public repPerCtrn = 1e18;
    /// @notice A settlement whose commission is below this mints no REP (dust sales earn nothing).
    uint256 public minRepCommission = 1e18;
    /// @notice The most REP a provider can earn from sales to one buyer (a self-dealing second
    /// address included), over all time.
    uint256 public maxRepPerCounterparty = 100e18;
    /// @notice Commission paid by all settlements.
    uint256 public totalCommission;
    /// @notice REP minted to providers by settlements.
    uint256 public totalRepMinted;
    /// @notice REP a provider earned from sales to a buyer.
    mapping(address provider => mapping(address buyer => uint256)) public repEarnedFrom;
    /// @notice The listing's metadata hash when the purchase was made (what the buyer paid for).
    mapping(uint256 purchaseId => bytes32) public purchaseMetadataHash;
    /// @notice A buyer's CTRN dispute bond: `disputeBondBps` of the price, at least `minDisputeBond`.
    uint16 public disputeBondBps = 1_000;
    uint256 public minDisputeBond = 1e18;
    /// @notice CTRN held as dispute bonds.
    uint256 public bondsTotal;
    /// @notice The bond held for a purchase's open bonded dispute.
    mapping(uint256 purchaseId => uint256) public disputeBond;
    /// @notice The status a disputed purchase returns to if its dispute is undecided.
    mapping(uint256 purchaseId => Status) public statusBeforeDispute;
    /// @notice Whether a party already disputed a purchase (each party may dispute it once).
    mapping(uint256 purchaseId => mapping(address party => bool)) public hasDisputed;

    uint256 public listingCount;
    uint256 public purchaseCount;
    /// @notice CTRN held for open purchases (escrowed, delivered or disputed).
    uint256 public escrowTotal;
    /// @notice CTRN credited and not yet withdrawn.
    uint256 public creditsTotal;
    uint256 public settledCount;
    uint256 public settledVolume;

    mapping(uint256 listingId => Listing) public listings;
    mapping(uint256 purchaseId => Purchase) public purchases;
    mapping(address account => uint256) public credits;
    mapping(address buyer => mapping(uint256 listingId => bool)) public hasLicence;
    // (`usedManifests`, a digest => bool map, was removed in issue 19, finding 8: every manifest
    // digest commits to the provider's current nonce, which a listing consumes, so a digest can
    // never verify twice; the map cost a fresh slot per signed listing and guarded nothing.)

    event ListingCreated(
        uint256 indexed listingId,
        address indexed provider,
        Kind kind,
        uint256 price,
        bytes32 unit,
        string metadataURI,
        bytes32 metadataHash,
        Rune rune
    );
    event ListingSigned(uint256 indexed listingId, address indexed signer, bytes signature);
    event ListingUpdated(uint256 indexed listingId, uint256 price, string metadataURI, bytes32 metadataHash, bool active);
    event Purchased(
        uint256 indexed purchaseId, uint256 indexed listingId, address indexed buyer, uint256 quantity, uint256 amount
    );
    event Delivered(uint256 indexed purchaseId, bytes32 receiptHash);
    event Confirmed(uint256 indexed purchaseId);
    event Released(uint256 indexed purchaseId);
    event Refunded(uint256 indexed purchaseId, address indexed buyer, uint256 amount);
    event Disputed(uint256 indexed purchaseId, address indexed by, uint256 indexed poolId);
    event DisputeResolved(uint256 indexed purchaseId, uint256 indexed poolId, bool buyerWon);
    event Settled(
        uint256 indexed purchaseId,
        uint256 indexed listingId,
        address indexed provider,
        uint256 amount,
        uint256 commission,
        uint256 developerShare,
        uint256 infraShare,
        uint256 stakersShare
    );
    event LicenceGranted(address indexed buyer, uint256 indexed listingId);
    event Withdrawn(address indexed account, uint256 amount);
    event SettlementSideEffectFailed(uint256 indexed purchaseId, bytes4 step);
    event CommissionChanged(uint16 oldBps, uint16 newBps);
    event TimeoutsChanged(uint256 releaseTimeout, uint256 deliveryTimeout);
    event RepRateChanged(uint256 oldRate, uint256 newRate);
    event RepLimitsChanged(uint256 minCommission, uint256 maxPerCounterparty);
    event DisputeBondChanged(uint16 bps, uint256 minimum);
    event DisputeBonded(uint256 indexed purchaseId, address indexed buyer, uint256 bond);
    event DisputeUndecided(uint256 indexed purchaseId, uint256 indexed poolId, Status restored);
    event BondSettled(uint256 indexed purchaseId, address indexed to, uint256 bond);
    event ReputationEarned(uint256 indexed purchaseId, address indexed provider, uint256 amount);

    error ZeroAddress();
    error ZeroAmount();
    error NotGovernance(address caller);
    error UnknownListing(uint256 listingId);
    error UnknownPurchase(uint256 purchaseId);
    error ListingInactive(uint256 listingId);
    error NotProvider(address caller);
    error NotBuyer(address caller);
    error NotParty(address caller);
    error NotValidationPool(address caller);
    error SelfPurchase();
    error InvalidRune(uint256 sum);
    error InvalidPrice();
    error InvalidSignature(address signer, address provider);
    /// @dev No longer raised (a used manifest fails as InvalidSignature: its nonce is spent); kept in
    /// the ABI because clients decode it.
    error ManifestUsed(bytes32 digest);
    error ManifestExpired(uint256 deadline);
    error WrongStatus(uint256 purchaseId, Status status);
    error TooEarly(uint256 at);
    error PriceChanged(uint256 price, uint256 maxPrice);
    error NothingToWithdraw();
    error InvalidCommission(uint16 bps);
    error InvalidRepRate(uint256 rate);
    error DeliveryTooLate(uint256 deadline);
    error AlreadyDisputed(uint256 purchaseId, address party);
    error MetadataChanged(bytes32 metadataHash, bytes32 expected);
    error InvalidBond(uint16 bps);
    error InvalidTimeouts(uint256 releaseTimeout, uint256 deliveryTimeout);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    /// @param token_ CTRN.
    /// @param distributor_ The revenue pool (the marketplace needs its RECORDER_ROLE).
    /// @param hub The staking hub.
    /// @param reputation_ REP (the marketplace needs MINTER_ROLE).
    /// @param pool The validation pool (the marketplace needs its OPENER_ROLE).
    /// @param governance_ The timelock.
    /// @param releaseTimeout_ Seconds after delivery when escrow may be released without the buyer.
    /// @param deliveryTimeout_ Seconds after purchase when an undelivered purchase may be refunded.
    constructor(
        IERC20 token_,
        RevenueDistributor distributor_,
        IRewardSink hub,
        IReputationMinter reputation_,
        ValidationPool pool,
        address governance_,
        uint256 releaseTimeout_,
        uint256 deliveryTimeout_
    ) EIP712("Computronium Marketplace", "1") {
        if (
            address(token_) == address(0) || address(distributor_) == address(0) || address(hub) == address(0)
                || address(reputation_) == address(0) || address(pool) == address(0) || governance_ == address(0)
        ) revert ZeroAddress();
        token = token_;
        distributor = distributor_;
        stakingHub = hub;
        reputation = reputation_;
        validationPool = pool;
        governance = governance_;
        releaseTimeout = releaseTimeout_;
        deliveryTimeout = deliveryTimeout_;
    }

    // ---------------------------------------------------------------- listings

    /// @notice Lists an offer as the caller (unsigned manifest).
    /// @param p The listing.
    /// @return listingId The new listing.
    function createListing(ListingParams calldata p) external returns (uint256 listingId) {
        listingId = _create(msg.sender, p, false);
    }

    /// @notice Lists an offer on behalf of `provider`, who signed the manifest (EIP-712, see
    /// {manifestDigest}); anyone may submit it. Consumes the provider's nonce.
    /// @param p The listing.
    /// @param provider The signer and provider.
    /// @param signature The provider's signature over the manifest.
    /// @return listingId The new listing.
    function createSignedListing(ListingParams calldata p, address provider, bytes calldata signature)
        external
        returns (uint256 listingId)
    {
        _checkManifestSignature(provider, manifestDigest(p, provider, _useNonce(provider)), signature);
        listingId = _create(provider, p, true);
        emit ListingSigned(listingId, provider, signature);
    }

    /// @notice Changes a listing's price, metadata and availability. Provider only; open purchases
    /// keep the price they paid.
    /// @param listingId The listing.
    /// @param price New price per unit.
    /// @param metadataURI New metadata URI.
    /// @param metadataHash sha256 of the new metadata.
    /// @param active Whether it can be bought.
    function updateListing(
        uint256 listingId,
        uint256 price,
        string calldata metadataURI,
        bytes32 metadataHash,
        bool active
    ) external {
        Listing storage l = _listing(listingId);
        if (msg.sender != l.provider) revert NotProvider(msg.sender);
        if (price == 0) revert InvalidPrice();
        l.price = price;
        l.metadataURI = metadataURI;
        l.metadataHash = metadataHash;
        l.active = active;
        l.signed = false; // the signed manifest no longer describes it
        emit ListingUpdated(listingId, price, metadataURI, metadataHash, active);
    }

    // --------------------------------------------------------------- purchases

    /// @notice Buys `quantity` units of a listing; the price is pulled into escrow.
    /// @param listingId The listing.
    /// @param quantity Units (periods, hours, copies).
    /// @param maxPrice Highest unit price accepted (protects against a price change in flight).
    /// @return purchaseId The purchase.
    function purchase(uint256 listingId, uint256 quantity, uint256 maxPrice)
        external
        nonReentrant
        returns (uint256 purchaseId)
    {
        purchaseId = _buy(listingId, quantity, maxPrice);
    }

    function _buy(uint256 listingId, uint256 quantity, uint256 maxPrice) private returns (uint256 purchaseId) {
        Listing storage l = _listing(listingId);
        if (!l.active) revert ListingInactive(listingId);
        if (msg.sender == l.provider) revert SelfPurchase();
        if (quantity == 0) revert ZeroAmount();
        if (l.price > maxPrice) revert PriceChanged(l.price, maxPrice);
        uint256 amount = l.price * quantity;
        purchaseId = ++purchaseCount;
        Purchase storage p = purchases[purchaseId];
        p.listingId = listingId;
        p.buyer = msg.sender;
        p.status = Status.Escrowed;
        p.createdAt = uint64(block.timestamp);
        p.quantity = quantity;
        p.amount = amount;
        purchaseMetadataHash[purchaseId] = l.metadataHash;
        escrowTotal += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Purchased(purchaseId, listingId, msg.sender, quantity, amount);
    }

    /// @notice Like {purchase}, but only if the listing's metadata hash is still `metadataHash` (what
    /// the buyer reviewed); the purchase pins it either way ({purchaseMetadataHash}).
    /// @param listingId The listing.
    /// @param quantity Units.
    /// @param maxPrice Highest unit price accepted.
    /// @param metadataHash The sha256 of the metadata the buyer reviewed.
    /// @return purchaseId The purchase.
    function purchaseExact(uint256 listingId, uint256 quantity, uint256 maxPrice, bytes32 metadataHash)
        external
        nonReentrant
        returns (uint256 purchaseId)
    {
        bytes32 current = _listing(listingId).metadataHash;
        if (current != metadataHash) revert MetadataChanged(current, metadataHash);
        purchaseId = _buy(listingId, quantity, maxPrice);
    }

    /// @notice Marks a purchase delivered, with a hash of the delivery receipt. Provider only.
    /// @param purchaseId The purchase.
    /// @param receiptHash Hash of what was delivered (access grant, job result, ...).
    function markDelivered(uint256 purchaseId, bytes32 receiptHash) external {
        Purchase storage p = _purchase(purchaseId);
        if (msg.sender != listings[p.listingId].provider) revert NotProvider(msg.sender);
        if (p.status != Status.Escrowed) revert WrongStatus(purchaseId, p.status);
        uint256 deadline = p.createdAt + deliveryTimeout;
        if (block.timestamp >= deadline) revert DeliveryTooLate(deadline); // the buyer's refund is due
        p.status = Status.Delivered;
        p.deliveredAt = uint64(block.timestamp);
        p.receiptHash = receiptHash;
        emit Delivered(purchaseId, receiptHash);
    }

    /// @notice The buyer accepts the purchase: the escrow is settled.
    /// @param purchaseId An escrowed or delivered purchase of the caller.
    function confirm(uint256 purchaseId) external nonReentrant {
        Purchase storage p = _purchase(purchaseId);
        if (msg.sender != p.buyer) revert NotBuyer(msg.sender);
        if (p.status != Status.Escrowed && p.status != Status.Delivered) revert WrongStatus(purchaseId, p.status);
        emit Confirmed(purchaseId);
        _settle(purchaseId, p);
    }

    /// @notice Settles a delivered purchase the buyer neither confirmed nor disputed within
    /// `releaseTimeout` of delivery. Anyone may call it.
    /// @param purchaseId The purchase.
    function release(uint256 purchaseId) external nonReentrant {
        Purchase storage p = _purchase(purchaseId);
        if (p.status != Status.Delivered) revert WrongStatus(purchaseId, p.status);
        uint256 at = p.deliveredAt + releaseTimeout;
        if (block.timestamp < at) revert TooEarly(at);
        emit Released(purchaseId);
        _settle(purchaseId, p);
    }

    /// @notice Refunds the buyer of a purchase never marked delivered within `deliveryTimeout`.
    /// @param purchaseId The purchase.
    function refundUndelivered(uint256 purchaseId) external nonReentrant {
        Purchase storage p = _purchase(purchaseId);
        if (msg.sender != p.buyer) revert NotBuyer(msg.sender);
        if (p.status != Status.Escrowed) revert WrongStatus(purchaseId, p.status);
        uint256 at = p.createdAt + deliveryTimeout;
        if (block.timestamp < at) revert TooEarly(at);
        _refund(purchaseId, p);
    }

    /// @notice Buyer or provider disputes an open purchase, staking `repStake` REP on its claim in
    /// a new validation pool. The pool's result settles (provider wins) or refunds (buyer wins); a
    /// dispute nobody but the disputer weighed in on is undecided and pays no one (the purchase
    /// returns to where it was). A provider may dispute only a delivered purchase; each party may
    /// dispute a purchase once. Buyers without REP use {disputeWithBond}.
    /// @param purchaseId The purchase.
    /// @param repStake REP the caller stakes.
    /// @param claim The caller's claim (text or a URI).
    /// @return poolId The validation pool.
    function dispute(uint256 purchaseId, uint256 repStake, string calldata claim)
        external
        nonReentrant
        returns (uint256 poolId)
    {
        Purchase storage p = _openDispute(purchaseId);
        poolId = validationPool.openDispute(msg.sender, purchaseId, repStake, claim);
        p.poolId = poolId;
        emit Disputed(purchaseId, msg.sender, poolId);
    }

    /// @notice The buyer disputes an open purchase with a CTRN bond instead of REP: `disputeBondBps`
    /// of the price (at least `minDisputeBond`), pulled from the buyer. The bond comes back if the
    /// buyer wins or the dispute is undecided, and goes to the provider if the buyer loses.
    /// @param purchaseId The purchase.
    /// @param claim The buyer's claim (text or a URI).
    /// @return poolId The validation pool.
    function disputeWithBond(uint256 purchaseId, string calldata claim)
        external
        nonReentrant
        returns (uint256 poolId)
    {
        Purchase storage p = _purchase(purchaseId);
        if (msg.sender != p.buyer) revert NotBuyer(msg.sender);
        _openDispute(purchaseId);
        uint256 bond = disputeBondOf(purchaseId);
        disputeBond[purchaseId] = bond;
        bondsTotal += bond;
        token.safeTransferFrom(msg.sender, address(this), bond);
        poolId = validationPool.openBondedDispute(msg.sender, purchaseId, claim);
        p.poolId = poolId;
        emit DisputeBonded(purchaseId, msg.sender, bond);
        emit Disputed(purchaseId, msg.sender, poolId);
    }

    /// @notice The CTRN bond {disputeWithBond} takes for a purchase.
    function disputeBondOf(uint256 purchaseId) public view returns (uint256 bond) {
        bond = purchases[purchaseId].amount * disputeBondBps / BPS;
        if (bond < minDisputeBond) bond = minDisputeBond;
    }

    /// @notice Validation pool callback: applies a dispute's outcome. Validation pool only.
    /// @param poolId The pool.
    /// @param purchaseId The disputed purchase.
    /// @param posterWon Whether the disputing party's claim won.
    function onPoolResolved(uint256 poolId, uint256 purchaseId, bool posterWon) external nonReentrant {
        Purchase storage p = _disputed(poolId, purchaseId);
        bool buyerWon = posterWon == (p.disputer == p.buyer);
        emit DisputeResolved(purchaseId, poolId, buyerWon);
        _releaseBond(purchaseId, buyerWon ? p.buyer : listings[p.listingId].provider);
        if (buyerWon) _refund(purchaseId, p);
        else _settle(purchaseId, p);
    }

    /// @notice Validation pool callback: nobody but the disputer weighed in. The purchase returns to
    /// the status it had (a delivered one gets a fresh release window, so the other party can still
    /// dispute) and a bond goes back to the buyer. Validation pool only.
    /// @param poolId The pool.
    /// @param purchaseId The disputed purchase.
    function onPoolUndecided(uint256 poolId, uint256 purchaseId) external nonReentrant {
        Purchase storage p = _disputed(poolId, purchaseId);
        Status restored = statusBeforeDispute[purchaseId];
        p.status = restored;
        if (restored == Status.Delivered) p.deliveredAt = uint64(block.timestamp);
        _releaseBond(purchaseId, p.buyer);
        emit DisputeUndecided(purchaseId, poolId, restored);
    }

    /// @notice Pays the caller's credits (rune shares, refunds). O(1).
    /// @return amount The CTRN paid.
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        credits[msg.sender] = 0;
        creditsTotal -= amount;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ------------------------------------------------------------- governance

    /// @notice Sets the commission paid to the revenue pool. Governance only.
    /// @param bps At most MAX_COMMISSION_BPS.
    function setCommission(uint16 bps) external onlyGovernance {
        if (bps > MAX_COMMISSION_BPS) revert InvalidCommission(bps);
        emit CommissionChanged(commissionBps, bps);
        commissionBps = bps;
    }

    /// @notice Sets the release and delivery timeouts. Governance only.
    /// @param releaseTimeout_ Seconds after delivery, MIN_TIMEOUT..MAX_TIMEOUT.
    /// @param deliveryTimeout_ Seconds after purchase, MIN_TIMEOUT..MAX_TIMEOUT.
    function setTimeouts(uint256 releaseTimeout_, uint256 deliveryTimeout_) external onlyGovernance {
        if (
            releaseTimeout_ < MIN_TIMEOUT || releaseTimeout_ > MAX_TIMEOUT || deliveryTimeout_ < MIN_TIMEOUT
                || deliveryTimeout_ > MAX_TIMEOUT
        ) revert InvalidTimeouts(releaseTimeout_, deliveryTimeout_);
        releaseTimeout = releaseTimeout_;
        deliveryTimeout = deliveryTimeout_;
        emit TimeoutsChanged(releaseTimeout_, deliveryTimeout_);
    }

    /// @notice Sets the REP minted per CTRN of commission (1e18 = one REP per CTRN). Governance only.
    /// @param rate The new rate.
    function setRepRate(uint256 rate) external onlyGovernance {
        if (rate > MAX_REP_PER_CTRN) revert InvalidRepRate(rate);
        emit RepRateChanged(repPerCtrn, rate);
        repPerCtrn = rate;
    }

    /// @notice Sets the commission floor below which a settlement mints no REP, and the REP cap per
    /// (provider, buyer). Governance only.
    /// @param minCommission Commission (CTRN) a settlement must pay to earn REP; at least 1 wei.
    /// @param maxPerCounterparty REP a provider may earn from one buyer.
    function setRepLimits(uint256 minCommission, uint256 maxPerCounterparty) external onlyGovernance {
        if (minCommission == 0) revert ZeroAmount();
        minRepCommission = minCommission;
        maxRepPerCounterparty = maxPerCounterparty;
        emit RepLimitsChanged(minCommission, maxPerCounterparty);
    }

    /// @notice Sets the buyer's dispute bond. Governance only.
    /// @param bps Share of the price, at most 5,000 (50 %).
    /// @param minimum Smallest bond in CTRN.
    function setDisputeBond(uint16 bps, uint256 minimum) external onlyGovernance {
        if (bps > 5_000) revert InvalidBond(bps);
        disputeBondBps = bps;
        minDisputeBond = minimum;
        emit DisputeBondChanged(bps, minimum);
    }

    // ------------------------------------------------------------------ views

    /// @notice Lists with a provider's EIP-712 signature over a manifest that expires at `deadline`
    /// (`manifestDigestWithDeadline`); anyone may relay it until then. Issue 19, finding 8.
    /// @param p The listing parameters signed.
    /// @param provider The signer, who becomes the listing's provider.
    /// @param deadline Last second (unix time) the signature may be used.
    /// @param signature The provider's signature over `manifestDigestWithDeadline(p, provider, nonce, deadline)`.
    /// @return listingId The new listing.
    function createSignedListingWithDeadline(
        ListingParams calldata p,
        address provider,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 listingId) {
        if (block.timestamp > deadline) revert ManifestExpired(deadline);
        _checkManifestSignature(
            provider, manifestDigestWithDeadline(p, provider, _useNonce(provider), deadline), signature
        );
        listingId = _create(provider, p, true);
        emit ListingSigned(listingId, provider, signature);
    }

    /// @dev A manifest verifies when `signature` is the provider key's ECDSA signature of `digest`,
    /// or, for a provider with code (a contract wallet, or an EIP-7702 account whose key also still
    /// signs), when the provider accepts it through ERC-1271 `isValidSignature` (issue 19, finding 8).
    /// A contract's answer may change over time; it is read once, when the listing is created.
    function _checkManifestSignature(address provider, bytes32 digest, bytes calldata signature) private view {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == provider) return;
        if (provider.code.length > 0 && SignatureChecker.isValidERC1271SignatureNow(provider, digest, signature)) {
            return;
        }
        revert InvalidSignature(recovered, provider);
    }

    /// @notice Makes every manifest the caller signed with its current nonce unusable (a signature
    /// without a deadline can otherwise be relayed at any later time). Issue 19, finding 8.
    /// @return nonce The nonce revoked.
    function revokeManifestNonce() external returns (uint256 nonce) {
        nonce = _useNonce(msg.sender);
    }

    /// @notice EIP-712 digest of a manifest with a deadline (what `createSignedListingWithDeadline`
    /// checks).
    function manifestDigestWithDeadline(ListingParams calldata p, address provider, uint256 nonce, uint256 deadline)
        public
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                MANIFEST_DEADLINE_TYPEHASH,
                provider,
                p.kind,
                p.price,
                p.unit,
                keccak256(bytes(p.metadataURI)),
                p.metadataHash,
                _hashRune(p.rune),
                nonce,
                deadline
            )
        );
        return _hashTypedDataV4(structHash);
    }

    /// @notice The EIP-712 digest a provider signs for `p` with `nonce` (what `createSignedListing`
    /// checks).
    function manifestDigest(ListingParams calldata p, address provider, uint256 nonce) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                MANIFEST_TYPEHASH,
                provider,
                p.kind,
                p.price,
                p.unit,
                keccak256(bytes(p.metadataURI)),
                p.metadataHash,
                _hashRune(p.rune),
                nonce
            )
        );
        return _hashTypedDataV4(structHash);
    }

    function _hashRune(Rune calldata r) private pure returns (bytes32) {
        return keccak256(
            abi.encode(RUNE_TYPEHASH, r.agent, r.developer, r.infra, r.developerBps, r.infraBps, r.stakersBps)
        );
    }

    /// @notice The EIP-712 domain separator.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice A listing's provider and kind (for the model registry).
    function listingInfo(uint256 listingId) external view returns (address provider, Kind kind) {
        Listing storage l = listings[listingId];
        return (l.provider, l.kind);
    }

    /// @notice A purchase, whole.
    function getPurchase(uint256 purchaseId) external view returns (Purchase memory) {
        return purchases[purchaseId];
    }

    /// @notice A listing, whole.
    function getListing(uint256 listingId) external view returns (Listing memory) {
        return listings[listingId];
    }

    /// @notice A listing's rune split.
    function runeOf(uint256 listingId) external view returns (Rune memory) {
        return listings[listingId].rune;
    }

    /// @notice Revenue category of a listing kind: compute operators, data contributors or developers.
    function categoryOf(Kind kind) public pure returns (uint8) {
        if (kind == Kind.Compute) return 0;
        if (kind == Kind.ModelLicence) return 2;
        return 1;
    }

    // --------------------------------------------------------------- internal

    function _create(address provider, ListingParams calldata p, bool signed) private returns (uint256 listingId) {
        if (p.price == 0) revert InvalidPrice();
        Rune calldata r = p.rune;
        uint256 sum = uint256(r.developerBps) + r.infraBps + r.stakersBps;
        if (sum != BPS) revert InvalidRune(sum);
        if (r.developer == address(0)) revert ZeroAddress();
        if (r.infraBps > 0 && r.infra == address(0)) revert ZeroAddress();
        if (r.stakersBps > 0 && r.agent == address(0)) revert ZeroAddress();
        listingId = ++listingCount;
        Listing storage l = listings[listingId];
        l.provider = provider;
        l.kind = p.kind;
        l.active = true;
        l.signed = signed;
        l.createdAt = uint64(block.timestamp);
        l.price = p.price;
        l.unit = p.unit;
        l.metadataHash = p.metadataHash;
        l.metadataURI = p.metadataURI;
        l.rune = r;
        emit ListingCreated(listingId, provider, p.kind, p.price, p.unit, p.metadataURI, p.metadataHash, r);
    }

    /// @dev REP from paid commission only: nothing below the floor, at most the per-buyer cap.
    function _earnReputation(uint256 purchaseId, address provider, address buyer, uint256 commission) private {
        if (commission < minRepCommission) return;
        uint256 rep = commission * repPerCtrn / 1e18;
        uint256 earned = repEarnedFrom[provider][buyer];
        uint256 room = maxRepPerCounterparty > earned ? maxRepPerCounterparty - earned : 0;
        if (rep > room) rep = room;
        if (rep == 0) return;
        try reputation.mint(provider, rep, SETTLEMENT_REASON) {
            repEarnedFrom[provider][buyer] = earned + rep;
            totalRepMinted += rep;
            emit ReputationEarned(purchaseId, provider, rep);
        } catch {
            emit SettlementSideEffectFailed(purchaseId, IReputationMinter.mint.selector);
        }
    }

    function _listing(uint256 listingId) private view returns (Listing storage l) {
        l = listings[listingId];
        if (l.provider == address(0)) revert UnknownListing(listingId);
    }

    function _purchase(uint256 purchaseId) private view returns (Purchase storage p) {
        p = purchases[purchaseId];
        if (p.status == Status.None) revert UnknownPurchase(purchaseId);
    }

    /// @dev Marks an open purchase disputed by the caller (buyer, or provider after delivery).
    function _openDispute(uint256 purchaseId) private returns (Purchase storage p) {
        p = _purchase(purchaseId);
        address provider = listings[p.listingId].provider;
        if (msg.sender != p.buyer && msg.sender != provider) revert NotParty(msg.sender);
        if (p.status != Status.Escrowed && p.status != Status.Delivered) revert WrongStatus(purchaseId, p.status);
        // Before delivery there is nothing for the provider to claim: the buyer's refund path stays open.
        if (msg.sender == provider && p.status != Status.Delivered) revert WrongStatus(purchaseId, p.status);
        if (hasDisputed[purchaseId][msg.sender]) revert AlreadyDisputed(purchaseId, msg.sender);
        hasDisputed[purchaseId][msg.sender] = true;
        statusBeforeDispute[purchaseId] = p.status;
        p.status = Status.Disputed;
        p.disputer = msg.sender;
    }

    function _disputed(uint256 poolId, uint256 purchaseId) private view returns (Purchase storage p) {
        if (msg.sender != address(validationPool)) revert NotValidationPool(msg.sender);
        p = _purchase(purchaseId);
        if (p.status != Status.Disputed || p.poolId != poolId) revert WrongStatus(purchaseId, p.status);
    }

    /// @dev Credits a purchase's dispute bond (if any) to `to`.
    function _releaseBond(uint256 purchaseId, address to) private {
        uint256 bond = disputeBond[purchaseId];
        if (bond == 0) return;
        disputeBond[purchaseId] = 0;
        bondsTotal -= bond;
        credits[to] += bond;
        creditsTotal += bond;
        emit BondSettled(purchaseId, to, bond);
    }

    function _refund(uint256 purchaseId, Purchase storage p) private {
        uint256 amount = p.amount;
        p.status = Status.Refunded;
        escrowTotal -= amount;
        credits[p.buyer] += amount;
        creditsTotal += amount;
        emit Refunded(purchaseId, p.buyer, amount);
    }

    /// @dev Pays out one purchase. Its status leaves the open states first, so it can settle once.
    function _settle(uint256 purchaseId, Purchase storage p) private {
        uint256 amount = p.amount;
        p.status = Status.Settled;
        escrowTotal -= amount;
        Listing storage l = listings[p.listingId];
        Rune storage r = l.rune;

        uint256 commission = amount * commissionBps / BPS;
        totalCommission += commission;
        if (commission > 0) {
            token.forceApprove(address(distributor), commission);
            distributor.notifyRevenue(commission);
        }
        uint256 rest = amount - commission;
        uint256 stakers = rest * r.stakersBps / BPS;
        uint256 infra = rest * r.infraBps / BPS;
        uint256 developer = rest - stakers - infra;
        if (stakers > 0) {
            token.forceApprove(address(stakingHub), stakers);
            try stakingHub.notifyReward(r.agent, stakers) {}
            catch {
                // No stakers (or no agent): the developer takes the stakers' share.
                token.forceApprove(address(stakingHub), 0);
                developer += stakers;
                stakers = 0;
                emit SettlementSideEffectFailed(purchaseId, IRewardSink.notifyReward.selector);
            }
        }
        credits[r.developer] += developer;
        credits[r.infra] += infra;
        creditsTotal += developer + infra;
        settledCount += 1;
        settledVolume += amount;
        emit Settled(purchaseId, p.listingId, l.provider, amount, commission, developer, infra, stakers);

        if (l.kind == Kind.ModelLicence && !hasLicence[p.buyer][p.listingId]) {
            hasLicence[p.buyer][p.listingId] = true;
            emit LicenceGranted(p.buyer, p.listingId);
        }
        // REP and activity never block a settlement (a revoked role only skips them).
        _earnReputation(purchaseId, l.provider, p.buyer, commission);
        try distributor.recordActivity(categoryOf(l.kind), l.provider, amount) {}
        catch {
            emit SettlementSideEffectFailed(purchaseId, RevenueDistributor.recordActivity.selector);
        }
        try distributor.recordActivity(3, p.buyer, amount) {}
        catch {
            emit SettlementSideEffectFailed(purchaseId, RevenueDistributor.recordActivity.selector);
        }
    }
}
