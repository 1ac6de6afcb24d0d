// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Market} from "../utils/Market.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";
import {RevenueDistributor} from "../../src/market/RevenueDistributor.sol";
import {ValidationPool} from "../../src/market/ValidationPool.sol";
import {ModelRegistry} from "../../src/market/ModelRegistry.sol";
import {ComputroniumToken} from "../../src/ComputroniumToken.sol";
import {Reputation} from "../../src/Reputation.sol";

/// @dev Drives purchases through every path, revenue through epochs, and ratings, with ghost books.
contract MarketHandler is Test {
    Marketplace internal market;
    RevenueDistributor internal distributor;
    ValidationPool internal pool;
    ModelRegistry internal registry;
    ComputroniumToken internal token;
    Reputation internal rep;
    address internal provider;
    address[4] internal actors;
    uint256 internal modelId;

    uint256 public ghostSettledAmount;
    uint256 public ghostSettlements;
    /// @dev Escrow books across every path, disputes included: CTRN in = CTRN accounted for.
    uint256 public ghostEscrowed;
    uint256 public ghostRefunded;
    uint256 public ghostBondsIn;
    uint256 public ghostBondsToBuyers;
    uint256 public ghostBondsToProvider;
    /// @dev Successful calls per action (fail_on_revert: every call must succeed or return early).
    uint256 public purchases;
    uint256 public disputes;
    uint256 public decidedDisputes;
    uint256 public effectiveCalls;
    uint256 public ghostDirectRevenue;
    mapping(address => bool) internal rated;
    uint256 public ghostRaters;

    constructor(
        Marketplace m,
        RevenueDistributor d,
        ValidationPool p,
        ModelRegistry r,
        ComputroniumToken t,
        Reputation rp,
        address prov,
        uint256 model
    ) {
        market = m;
        distributor = d;
        pool = p;
        registry = r;
        token = t;
        rep = rp;
        provider = prov;
        modelId = model;
        for (uint256 i; i < 4; ++i) {
            actors[i] = address(uint160(0xA000 + i));
        }
    }

    function actor(uint256 i) external view returns (address) {
        return actors[i];
    }

    function _purchase(uint256 seed) internal view returns (uint256 id, Marketplace.Status st, address b) {
        uint256 n = market.purchaseCount();
        if (n == 0) return (0, Marketplace.Status.None, address(0));
        id = seed % n + 1;
        Marketplace.Purchase memory p = market.getPurchase(id);
        (st, b) = (p.status, p.buyer);
    }

    function purchase(uint256 listingSeed, uint256 actorSeed, uint256 qty) external {
        uint256 listing = listingSeed % market.listingCount() + 1;
        address b = actors[actorSeed % 4];
        vm.prank(b);
        uint256 id = market.purchase(listing, bound(qty, 1, 5), type(uint256).max);
        ghostEscrowed += market.getPurchase(id).amount;
        ++purchases;
        ++effectiveCalls;
    }

    function deliver(uint256 seed) external {
        (uint256 id, Marketplace.Status st,) = _purchase(seed);
        if (st != Marketplace.Status.Escrowed) return;
        if (block.timestamp >= market.getPurchase(id).createdAt + market.deliveryTimeout()) return; // too late
        vm.prank(provider);
        market.markDelivered(id, bytes32(seed));
    }

    function confirm(uint256 seed) external {
        (uint256 id, Marketplace.Status st, address b) = _purchase(seed);
        if (st != Marketplace.Status.Escrowed && st != Marketplace.Status.Delivered) return;
        _countSettle(id);
        vm.prank(b);
        market.confirm(id);
    }

    function release(uint256 seed) external {
        (uint256 id, Marketplace.Status st,) = _purchase(seed);
        if (st != Marketplace.Status.Delivered) return;
        vm.warp(block.timestamp + market.releaseTimeout());
        _countSettle(id);
        market.release(id);
    }

    function refund(uint256 seed) external {
        (uint256 id, Marketplace.Status st, address b) = _purchase(seed);
        if (st != Marketplace.Status.Escrowed) return;
        vm.warp(block.timestamp + market.deliveryTimeout());
        ghostRefunded += market.getPurchase(id).amount;
        vm.prank(b);
        market.refundUndelivered(id);
    }

    /// @dev A dispute by the buyer (REP stake or CTRN bond) or, after delivery, the provider; another
    /// actor may vote on either side; then it is resolved and the outcome read back from the purchase.
    function disputeAndResolve(uint256 seed, uint8 mode, bool contestYes) external {
        (uint256 id, Marketplace.Status st, address b) = _purchase(seed);
        if (st != Marketplace.Status.Escrowed && st != Marketplace.Status.Delivered) return;
        mode %= 3; // 0: buyer with REP, 1: buyer with a bond, 2: provider with REP (delivered only)
        address disputer = mode == 2 ? provider : b;
        if (mode == 2 && st != Marketplace.Status.Delivered) return;
        if (market.hasDisputed(id, disputer)) return;
        uint256 poolId;
        if (mode == 1) {
            uint256 bond = market.disputeBondOf(id);
            vm.prank(b);
            poolId = market.disputeWithBond(id, "claim");
            ghostBondsIn += bond;
        } else {
            if (rep.balanceOf(disputer) < 1e18 || rep.getPastVotes(disputer, block.number - 1) < 1e18) return;
            vm.prank(disputer);
            poolId = market.dispute(id, 1e18, "claim");
        }
        ++disputes;
        ++effectiveCalls;
        address other = actors[(seed / 7) % 4];
        if (other != disputer && other != b && pool.stakeLimit(poolId, other) >= 2e18 && rep.balanceOf(other) >= 2e18) {
            vm.prank(other);
            pool.vote(poolId, contestYes, 2e18);
        }
        vm.warp(block.timestamp + pool.getPool(poolId).deadline - block.timestamp);
        uint256 bondHeld = market.disputeBond(id);
        pool.resolve(poolId);
        Marketplace.Status after_ = market.getPurchase(id).status;
        if (after_ == Marketplace.Status.Settled) {
            _countSettle(id);
            ghostBondsToProvider += bondHeld;
            ++decidedDisputes;
        } else if (after_ == Marketplace.Status.Refunded) {
            ghostRefunded += market.getPurchase(id).amount;
            ghostBondsToBuyers += bondHeld;
            ++decidedDisputes;
        } else {
            ghostBondsToBuyers += bondHeld; // undecided: the purchase is open again, the bond goes back
        }
    }

    function withdraw(uint256 actorSeed) external {
        address a = actorSeed % 5 == 4 ? provider : actors[actorSeed % 4];
        if (market.credits(a) == 0) return;
        vm.prank(a);
        market.withdraw();
    }

    function notifyRevenue(uint256 amount) external {
        amount = bound(amount, 1, 1_000e18);
        ghostDirectRevenue += amount;
        ++effectiveCalls;
        vm.prank(actors[0]);
        distributor.notifyRevenue(amount);
    }

    function finalize() external {
        if (block.timestamp < distributor.currentEpochEnd()) vm.warp(distributor.currentEpochEnd());
        distributor.finalizeEpoch();
        ++effectiveCalls;
    }

    function claim(uint256 epochSeed, uint8 category, uint256 actorSeed) external {
        uint256 current = distributor.currentEpoch();
        if (current == 0) return;
        uint256 epoch = epochSeed % current;
        uint8 c = uint8(category % 4);
        address a = actors[actorSeed % 4]; // the provider's share rolls over (its balance measures proceeds)
        if (distributor.claimable(epoch, c, a) == 0) return;
        vm.prank(a);
        distributor.claim(epoch, c);
    }

    function rollOver(uint256 epochSeed) external {
        uint256 current = distributor.currentEpoch();
        if (current <= distributor.claimWindowEpochs()) return;
        uint256 epoch = epochSeed % (current - distributor.claimWindowEpochs());
        (,, bool rolled,,,,) = distributor.epochs(epoch);
        if (rolled) return;
        distributor.rollOver(epoch);
    }

    function rate(uint256 actorSeed, uint8 score) external {
        address a = actors[actorSeed % 4];
        if (!registry.canRate(modelId, a)) return;
        vm.prank(a);
        registry.rate(modelId, uint8(bound(score, 1, 5)));
        if (!rated[a]) {
            rated[a] = true;
            ghostRaters += 1;
        }
    }

    function _countSettle(uint256 id) internal {
        ghostSettledAmount += market.getPurchase(id).amount;
        ghostSettlements += 1;
    }
}

/// forge-config: default.invariant.fail-on-revert = true
contract MarketInvariantTest is Market {
    MarketHandler internal handler;

    function setUp() public {
        deployMarket();
        uint256 licence;
        for (uint256 k; k < 4; ++k) {
            licence = list(Marketplace.Kind(k), (k + 1) * 7e18 + 3);
        }
        vm.prank(provider);
        uint256 modelId = registry.registerModel("m", "", licence, "", 0);
        handler = new MarketHandler(market, distributor, pool, registry, token, rep, provider, modelId);
        for (uint256 i; i < 4; ++i) {
            address a = handler.actor(i);
            fund(a, 1_000_000e18);
            vm.startPrank(a);
            token.approve(address(market), type(uint256).max);
            token.approve(address(distributor), type(uint256).max);
            vm.stopPrank();
        }
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.grantRole(minter, address(this));
        rep.mint(handler.actor(0), 10e18, "t");
        rep.mint(handler.actor(1), 10e18, "t");
        rep.mint(provider, 10e18, "t");
        vm.roll(block.number + 1); // pools weigh REP held before they open
        targetContract(address(handler));
    }

    /// The handler really reaches every dispute path (so the escrow invariants are not vacuous).
    function test_handler_disputesEveryWay() public {
        for (uint256 i; i < 6; ++i) {
            handler.purchase(i, i, 1); // purchases 1..6, bought by actors 0,1,2,3,0,1
        }
        handler.deliver(1); // purchase 2
        handler.deliver(4); // purchase 5
        handler.disputeAndResolve(0, 0, true); // actor 0 disputes purchase 1 with REP, another backs it
        handler.disputeAndResolve(1, 1, false); // actor 1 bonds on delivered purchase 2, contested
        handler.disputeAndResolve(4, 2, false); // the provider disputes delivered purchase 5
        handler.disputeAndResolve(2, 1, true); // actor 2 bonds on purchase 3, unopposed or backed
        assertEq(handler.disputes(), 4);
        assertGt(handler.decidedDisputes(), 0);
        assertGt(handler.ghostBondsIn(), 0);
        invariant_escrowConservedAcrossDisputes();
        invariant_escrowEqualsOpenPurchases();
        invariant_settlementPaysOnce();
        invariant_reputationBoundedByCommission();
    }

    /// Each run did real work: calls that changed state succeeded (a handler that always reverts
    /// fails the suite through fail_on_revert; one that always returns early fails here).
    function afterInvariant() public view {
        assertGt(handler.effectiveCalls(), 0, "no handler call did anything");
    }

    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    /// REP is earned only from commission paid: minted <= rate x commission, and at most the cap per
    /// (provider, buyer). The provider's REP is exactly that (it never votes in the handler's pools).
    function invariant_reputationBoundedByCommission() public view {
        assertLe(market.totalRepMinted(), market.totalCommission() * market.repPerCtrn() / 1e18, "REP > commission");
        for (uint256 i; i < 4; ++i) {
            assertLe(market.repEarnedFrom(provider, handler.actor(i)), market.maxRepPerCounterparty(), "cap");
        }
    }

    /// forge-config: default.invariant.runs = 256
    /// forge-config: default.invariant.depth = 64
    /// Escrow is conserved across disputes: every CTRN escrowed or bonded is still held, settled,
    /// refunded, or (bonds) paid back to buyers or to the provider.
    function invariant_escrowConservedAcrossDisputes() public view {
        assertEq(
            handler.ghostEscrowed() + handler.ghostBondsIn(),
            market.escrowTotal() + market.bondsTotal() + handler.ghostSettledAmount() + handler.ghostRefunded()
                + handler.ghostBondsToBuyers() + handler.ghostBondsToProvider(),
            "escrow books"
        );
        assertEq(market.bondsTotal(), handler.ghostBondsIn() - handler.ghostBondsToBuyers() - handler.ghostBondsToProvider());
    }

    /// Escrow held equals the sum of open escrows; the marketplace holds exactly escrow + credits.
    function invariant_escrowEqualsOpenPurchases() public view {
        uint256 open;
        uint256 settled;
        uint256 n = market.purchaseCount();
        for (uint256 id = 1; id <= n; ++id) {
            Marketplace.Purchase memory p = market.getPurchase(id);
            (Marketplace.Status st, uint256 amount) = (p.status, p.amount);
            if (st == Marketplace.Status.Escrowed || st == Marketplace.Status.Delivered || st == Marketplace.Status.Disputed) {
                open += amount;
            }
            if (st == Marketplace.Status.Settled) ++settled;
        }
        assertEq(market.escrowTotal(), open, "escrow");
        assertEq(
            token.balanceOf(address(market)),
            market.escrowTotal() + market.creditsTotal() + market.bondsTotal(),
            "balance"
        );
        assertEq(market.settledCount(), settled, "settled count");
    }

    /// A settlement pays out once: what left escrow for providers equals the settled amounts, to the wei.
    function invariant_settlementPaysOnce() public view {
        assertEq(market.settledCount(), handler.ghostSettlements(), "settlements");
        assertEq(market.settledVolume(), handler.ghostSettledAmount(), "volume");
        assertEq(
            distributor.totalReceived() - handler.ghostDirectRevenue() + hub.totalRewardsReceived()
                + _payeesProceeds() - handler.ghostBondsToProvider(),
            handler.ghostSettledAmount(),
            "paid out"
        );
    }

    /// Everything that entered the revenue pool = claimed + claimable + burned + open (incl. rolled over).
    function invariant_revenueBooksBalance() public view {
        assertEq(
            distributor.totalReceived(),
            distributor.totalBurned() + distributor.totalClaimed() + distributor.openEpochFunds()
                + distributor.outstanding(),
            "books"
        );
        assertEq(
            token.balanceOf(address(distributor)), distributor.openEpochFunds() + distributor.outstanding(), "balance"
        );
    }

    function invariant_sharesSumTo10000() public view {
        uint16[4] memory s = distributor.shares();
        assertEq(uint256(s[0]) + s[1] + s[2] + s[3], 10_000);
    }

    /// A licensee (or REP holder) rates a model at most once.
    function invariant_oneRatingPerRater() public view {
        (, uint256 count) = registry.averageRating(1);
        assertEq(count, handler.ghostRaters(), "raters");
    }

    /// CTRN the payees (provider, infra) were credited or already withdrew: settlement proceeds only
    /// (buyers' credits are refunds).
    function _payeesProceeds() internal view returns (uint256) {
        return market.credits(provider) + market.credits(infra) + token.balanceOf(provider) + token.balanceOf(infra);
    }
}
