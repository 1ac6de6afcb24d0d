// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Market} from "../utils/Market.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";
import {ValidationPool} from "../../src/market/ValidationPool.sol";

/// @dev A contract wallet (ERC-1271): accepts what its owner key signed, unless switched off.
contract Wallet1271 is IERC1271 {
    address public immutable owner;
    bool public accepting = true;

    constructor(address owner_) {
        owner = owner_;
    }

    function setAccepting(bool on) external {
        accepting = on;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        if (accepting && err == ECDSA.RecoverError.NoError && signer == owner) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}

contract MarketplaceTest is Market {
    function setUp() public {
        deployMarket();
    }

    // ---------------------------------------------------------------- listing

    function test_createListing() public {
        vm.expectEmit(true, true, false, false);
        emit Marketplace.ListingCreated(1, provider, Marketplace.Kind.Compute, 0, "", "", 0, rune(0, 0, 0));
        uint256 id = list(Marketplace.Kind.Compute, 2e18);
        assertEq(id, 1);
        (address p, Marketplace.Kind kind, bool active, bool signed,, uint256 price,,,,) = market.listings(id);
        assertEq(p, provider);
        assertEq(uint256(kind), uint256(Marketplace.Kind.Compute));
        assertTrue(active);
        assertFalse(signed);
        assertEq(price, 2e18);
    }

    function test_createListing_revertsOnBadRune() public {
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 1e18);
        p.rune.developerBps = 1;
        vm.prank(provider);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidRune.selector, 3_001));
        market.createListing(p);
    }

    function test_createListing_revertsOnZeroPrice() public {
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 0);
        vm.prank(provider);
        vm.expectRevert(Marketplace.InvalidPrice.selector);
        market.createListing(p);
    }

    function test_createSignedListing() public {
        uint256 key = 0xA11CE;
        address signer = vm.addr(key);
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 5e18);
        p.rune.developer = signer;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigest(p, signer, 0));
        bytes memory sig = abi.encodePacked(r, s, v);
        vm.prank(buyer); // a relayer submits it
        uint256 id = market.createSignedListing(p, signer, sig);
        (address prov,,, bool signed,,,,,,) = market.listings(id);
        assertEq(prov, signer);
        assertTrue(signed);
        assertEq(market.nonces(signer), 1);
        // The same manifest cannot list twice (the nonce moved on, so the signature no longer matches).
        vm.expectRevert();
        market.createSignedListing(p, signer, sig);
    }

    function test_createSignedListingWithDeadline() public {
        uint256 key = 0xA11CE;
        address signer = vm.addr(key);
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 5e18);
        p.rune.developer = signer;
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigestWithDeadline(p, signer, 0, deadline));
        bytes memory sig = abi.encodePacked(r, s, v);
        // The digest commits to the deadline: another deadline does not verify.
        vm.expectRevert();
        market.createSignedListingWithDeadline(p, signer, deadline + 1, sig);
        vm.warp(deadline);
        vm.prank(buyer); // a relayer, up to the deadline itself
        uint256 id = market.createSignedListingWithDeadline(p, signer, deadline, sig);
        (address prov,,, bool signed,,,,,,) = market.listings(id);
        assertEq(prov, signer);
        assertTrue(signed);
        assertEq(market.nonces(signer), 1);
        vm.expectRevert();
        market.createSignedListingWithDeadline(p, signer, deadline, sig);
    }

    // --- ERC-1271 providers and replays (issue 19, finding 8) ----------------------------------

    function _walletParams(address wallet) internal view returns (Marketplace.ListingParams memory p) {
        p = params(Marketplace.Kind.Dataset, 5e18);
        p.rune.developer = wallet;
    }

    function test_createSignedListing_erc1271Provider() public {
        uint256 key = 0xC0FFEE;
        Wallet1271 wallet = new Wallet1271(vm.addr(key));
        Marketplace.ListingParams memory p = _walletParams(address(wallet));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigest(p, address(wallet), 0));
        vm.expectEmit(false, true, false, true, address(market));
        emit Marketplace.ListingSigned(0, address(wallet), abi.encodePacked(r, s, v));
        vm.prank(buyer); // any relayer
        uint256 id = market.createSignedListing(p, address(wallet), abi.encodePacked(r, s, v));
        (address prov,,, bool signed,,,,,,) = market.listings(id);
        assertEq(prov, address(wallet));
        assertTrue(signed);
        assertEq(market.nonces(address(wallet)), 1);

        uint256 deadline = block.timestamp + 1 hours;
        (v, r, s) = vm.sign(key, market.manifestDigestWithDeadline(p, address(wallet), 1, deadline));
        id = market.createSignedListingWithDeadline(p, address(wallet), deadline, abi.encodePacked(r, s, v));
        (prov,,,,,,,,,) = market.listings(id);
        assertEq(prov, address(wallet));
        assertEq(market.nonces(address(wallet)), 2);
    }

    function test_createSignedListing_erc1271Refusal() public {
        uint256 key = 0xC0FFEE;
        Wallet1271 wallet = new Wallet1271(vm.addr(key));
        Marketplace.ListingParams memory p = _walletParams(address(wallet));
        bytes32 digest = market.manifestDigest(p, address(wallet), 0);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        wallet.setAccepting(false); // the wallet withdrew its approval
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidSignature.selector, vm.addr(key), address(wallet)));
        market.createSignedListing(p, address(wallet), abi.encodePacked(r, s, v));
        // Another key's signature, and garbage, never pass a wallet that does not accept them.
        wallet.setAccepting(true);
        (v, r, s) = vm.sign(0xB0B, digest);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidSignature.selector, vm.addr(0xB0B), address(wallet)));
        market.createSignedListing(p, address(wallet), abi.encodePacked(r, s, v));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidSignature.selector, address(0), address(wallet)));
        market.createSignedListing(p, address(wallet), hex"1234");
        assertEq(market.nonces(address(wallet)), 0);
    }

    /// An account with code that does not implement ERC-1271 (an EIP-7702 delegated account) still
    /// lists with its key's signature.
    function test_createSignedListing_accountWithCodeSignsWithKey() public {
        uint256 key = 0xA11CE;
        address signer = vm.addr(key);
        vm.etch(signer, hex"00");
        Marketplace.ListingParams memory p = _walletParams(signer);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigest(p, signer, 0));
        uint256 id = market.createSignedListing(p, signer, abi.encodePacked(r, s, v));
        (address prov,,,,,,,,,) = market.listings(id);
        assertEq(prov, signer);
    }

    /// Without `usedManifests` a manifest still lists once: the nonce it signed is spent.
    function testFuzz_createSignedListing_neverReplays(uint96 price, uint8 relays) public {
        uint256 key = 0xA11CE;
        address signer = vm.addr(key);
        Marketplace.ListingParams memory p = _walletParams(signer);
        p.price = bound(price, 1, 1e30);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigest(p, signer, 0));
        market.createSignedListing(p, signer, abi.encodePacked(r, s, v));
        uint256 listingsBefore = market.listingCount();
        for (uint256 i; i < bound(relays, 1, 4); ++i) {
            vm.expectRevert();
            market.createSignedListing(p, signer, abi.encodePacked(r, s, v));
        }
        assertEq(market.listingCount(), listingsBefore);
        assertEq(market.nonces(signer), 1);
    }

    function test_revokeManifestNonce() public {
        vm.prank(provider);
        assertEq(market.revokeManifestNonce(), 0);
        assertEq(market.nonces(provider), 1);
    }

    function test_createSignedListing_revertsOnWrongSigner() public {
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 5e18);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xB0B, market.manifestDigest(p, provider, 0));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidSignature.selector, vm.addr(0xB0B), provider));
        market.createSignedListing(p, provider, abi.encodePacked(r, s, v));
    }

    function test_updateListing() public {
        uint256 id = list(Marketplace.Kind.Dataset, 1e18);
        vm.prank(provider);
        market.updateListing(id, 3e18, "ipfs://new", bytes32(uint256(1)), false);
        (,, bool active,,, uint256 price,,,,) = market.listings(id);
        assertFalse(active);
        assertEq(price, 3e18);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ListingInactive.selector, id));
        market.purchase(id, 1, 3e18);
    }

    function test_updateListing_revertsForOthers() public {
        uint256 id = list(Marketplace.Kind.Dataset, 1e18);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotProvider.selector, buyer));
        market.updateListing(id, 3e18, "", 0, true);
    }

    // --------------------------------------------------------------- purchase

    function test_purchase_escrows() public {
        uint256 id = list(Marketplace.Kind.Compute, 2e18);
        uint256 pid = buy(id, 10);
        assertEq(market.escrowTotal(), 20e18);
        assertEq(token.balanceOf(address(market)), 20e18);
        (, address b, Marketplace.Status st,,,, uint256 q, uint256 amount,,) = market.purchases(pid);
        assertEq(b, buyer);
        assertEq(uint256(st), uint256(Marketplace.Status.Escrowed));
        assertEq(q, 10);
        assertEq(amount, 20e18);
    }

    function test_purchase_revertsOnPriceChange() public {
        uint256 id = list(Marketplace.Kind.Compute, 2e18);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.PriceChanged.selector, 2e18, 1e18));
        market.purchase(id, 1, 1e18);
    }

    function test_purchase_revertsOnSelfPurchase() public {
        uint256 id = list(Marketplace.Kind.Compute, 2e18);
        vm.prank(provider);
        vm.expectRevert(Marketplace.SelfPurchase.selector);
        market.purchase(id, 1, 2e18);
    }

    // ------------------------------------------------------------- settlement

    function test_confirm_settles() public {
        uint256 id = list(Marketplace.Kind.ModelLicence, 100e18);
        uint256 pid = buy(id, 1);
        vm.prank(provider);
        market.markDelivered(pid, keccak256("receipt"));
        vm.prank(buyer);
        market.confirm(pid);

        // 5 % commission -> distributor (10 % of it burned); 95 split 70/20/10.
        assertEq(market.escrowTotal(), 0);
        assertEq(distributor.totalReceived(), 5e18);
        assertEq(distributor.totalBurned(), 0.5e18);
        assertEq(market.credits(provider), 66.5e18);
        assertEq(market.credits(infra), 19e18);
        assertEq(hub.totalRewardsReceived(), 9.5e18);
        assertEq(rep.balanceOf(provider), 5e18); // 1 REP per CTRN of commission (5 %)
        assertTrue(market.hasLicence(buyer, id));
        (uint256 stake, uint256 activity) = distributor.weights(0, 2, provider);
        assertEq(activity, 100e18);
        assertEq(stake, 0);
        (, activity) = distributor.weights(0, 3, buyer);
        assertEq(activity, 100e18);

        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongStatus.selector, pid, Marketplace.Status.Settled));
        market.confirm(pid);
    }

    function test_confirm_revertsForOthers() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 1e18), 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotBuyer.selector, address(this)));
        market.confirm(pid);
    }

    function test_settle_stakersShareFallsBackToDeveloper() public {
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Dataset, 100e18);
        p.rune.agent = makeAddr("nobody");
        vm.prank(provider);
        uint256 id = market.createListing(p);
        uint256 pid = buy(id, 1);
        vm.prank(buyer);
        market.confirm(pid);
        assertEq(market.credits(provider), 76e18); // 66.5 + 9.5
        assertEq(token.balanceOf(address(market)), market.creditsTotal());
    }

    function test_release_afterTimeout() public {
        uint256 pid = buy(list(Marketplace.Kind.DataStream, 10e18), 3);
        vm.prank(provider);
        market.markDelivered(pid, keccak256("r"));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.TooEarly.selector, block.timestamp + RELEASE_TIMEOUT));
        market.release(pid);
        vm.warp(block.timestamp + RELEASE_TIMEOUT);
        vm.expectEmit(true, false, false, false);
        emit Marketplace.Released(pid);
        market.release(pid);
        assertEq(market.escrowTotal(), 0);
        assertEq(market.settledCount(), 1);
    }

    function test_refundUndelivered() public {
        uint256 pid = buy(list(Marketplace.Kind.Compute, 10e18), 1);
        vm.warp(block.timestamp + DELIVERY_TIMEOUT);
        vm.prank(buyer);
        market.refundUndelivered(pid);
        assertEq(market.credits(buyer), 10e18);
        uint256 before = token.balanceOf(buyer);
        vm.prank(buyer);
        market.withdraw();
        assertEq(token.balanceOf(buyer), before + 10e18);
        vm.prank(buyer);
        vm.expectRevert(Marketplace.NothingToWithdraw.selector);
        market.withdraw();
    }

    function test_withdraw() public {
        uint256 pid = buy(list(Marketplace.Kind.Compute, 10e18), 1);
        vm.prank(buyer);
        market.confirm(pid);
        vm.prank(provider);
        uint256 paid = market.withdraw();
        assertEq(paid, 6.65e18);
        assertEq(token.balanceOf(provider), 6.65e18);
    }

    // ---------------------------------------------------------------- disputes

    function _dispute(uint256 pid) internal returns (uint256 poolId) {
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.grantRole(minter, address(this));
        rep.mint(buyer, 20e18, "test");
        rep.mint(voter, 50e18, "test");
        vm.roll(block.number + 1); // pools weigh REP held the block before they open
        vm.prank(buyer);
        poolId = market.dispute(pid, 5e18, "not delivered as described");
    }

    function test_dispute_buyerWins() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        uint256 poolId = _dispute(pid);
        vm.prank(voter);
        pool.vote(poolId, true, 2e18); // a third party backs the buyer
        vm.warp(block.timestamp + POOL_WINDOW);
        vm.expectEmit(true, true, false, true);
        emit Marketplace.DisputeResolved(pid, poolId, true);
        pool.resolve(poolId);
        assertEq(market.credits(buyer), 10e18);
        assertEq(market.escrowTotal(), 0);
    }

    function test_dispute_providerWins() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        uint256 poolId = _dispute(pid);
        vm.prank(voter);
        pool.vote(poolId, false, 6e18);
        vm.warp(block.timestamp + POOL_WINDOW);
        pool.resolve(poolId);
        assertEq(market.settledCount(), 1);
        assertEq(market.credits(buyer), 0);
        vm.prank(voter);
        assertEq(pool.withdraw(poolId), 11e18); // 6 back + the buyer's 5
    }

    function test_dispute_unopposedIsUndecided() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        uint256 poolId = _dispute(pid);
        vm.warp(block.timestamp + POOL_WINDOW);
        vm.expectEmit(true, true, false, true);
        emit Marketplace.DisputeUndecided(pid, poolId, Marketplace.Status.Escrowed);
        pool.resolve(poolId);
        assertEq(uint256(market.getPurchase(pid).status), uint256(Marketplace.Status.Escrowed));
        assertEq(market.escrowTotal(), 10e18);
        vm.prank(buyer);
        assertEq(pool.withdraw(poolId), 5e18); // the stake comes back
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.AlreadyDisputed.selector, pid, buyer));
        market.dispute(pid, 1e18, "again");
    }

    function _bondedDispute() internal returns (uint256 pid, uint256 poolId) {
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.grantRole(minter, address(this));
        rep.mint(voter, 50e18, "test");
        vm.roll(block.number + 1);
        pid = buy(list(Marketplace.Kind.Dataset, 100e18), 1);
        vm.prank(provider);
        market.markDelivered(pid, keccak256("r"));
        vm.prank(buyer);
        poolId = market.disputeWithBond(pid, "empty file");
        assertEq(market.disputeBond(pid), 10e18); // 10 % of the price
        assertEq(market.bondsTotal(), 10e18);
    }

    function test_disputeWithBond_buyerWinsGetsBondAndRefund() public {
        (uint256 pid, uint256 poolId) = _bondedDispute();
        vm.prank(voter);
        pool.vote(poolId, true, 2e18);
        vm.warp(block.timestamp + POOL_WINDOW);
        pool.resolve(poolId);
        assertEq(market.credits(buyer), 110e18);
        assertEq(market.bondsTotal(), 0);
        assertEq(uint256(market.getPurchase(pid).status), uint256(Marketplace.Status.Refunded));
    }

    function test_disputeWithBond_buyerLosesBondToProvider() public {
        (uint256 pid, uint256 poolId) = _bondedDispute();
        vm.prank(voter);
        pool.vote(poolId, false, 2e18);
        vm.warp(block.timestamp + POOL_WINDOW);
        pool.resolve(poolId);
        assertEq(market.credits(buyer), 0);
        assertEq(uint256(market.getPurchase(pid).status), uint256(Marketplace.Status.Settled));
        assertEq(market.credits(provider), 10e18 + 66.5e18); // the bond + the developer share
    }

    function test_disputeWithBond_undecidedReturnsBondAndRestartsRelease() public {
        (uint256 pid, uint256 poolId) = _bondedDispute();
        vm.warp(block.timestamp + POOL_WINDOW);
        pool.resolve(poolId);
        Marketplace.Purchase memory p = market.getPurchase(pid);
        assertEq(uint256(p.status), uint256(Marketplace.Status.Delivered));
        assertEq(p.deliveredAt, block.timestamp);
        assertEq(market.credits(buyer), 10e18);
    }

    function test_disputeWithBond_buyerOnly() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(provider);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotBuyer.selector, provider));
        market.disputeWithBond(pid, "x");
    }

    function test_markDelivered_revertsAfterDeadline() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        uint256 deadline = block.timestamp + DELIVERY_TIMEOUT;
        vm.warp(deadline);
        vm.prank(provider);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryTooLate.selector, deadline));
        market.markDelivered(pid, 0);
    }

    function test_purchaseExact_revertsOnChangedMetadata() public {
        uint256 id = list(Marketplace.Kind.Dataset, 10e18);
        vm.prank(provider);
        market.updateListing(id, 10e18, "ipfs://other", keccak256("other"), true);
        bytes32 reviewed = sha256("meta");
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.MetadataChanged.selector, keccak256("other"), reviewed));
        market.purchaseExact(id, 1, 10e18, reviewed);
        vm.prank(buyer);
        uint256 pid = market.purchaseExact(id, 1, 10e18, keccak256("other"));
        assertEq(market.purchaseMetadataHash(pid), keccak256("other"));
    }

    function test_dispute_revertsForOutsiders() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotParty.selector, voter));
        market.dispute(pid, 5e18, "x");
    }

    function test_onPoolResolved_onlyPool() public {
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotValidationPool.selector, address(this)));
        market.onPoolResolved(1, 1, true);
    }

    function test_markDelivered_providerOnceOnly() public {
        uint256 pid = buy(list(Marketplace.Kind.Compute, 1e18), 1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotProvider.selector, buyer));
        market.markDelivered(pid, 0);
        vm.startPrank(provider);
        market.markDelivered(pid, keccak256("r"));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongStatus.selector, pid, Marketplace.Status.Delivered));
        market.markDelivered(pid, keccak256("r"));
        vm.stopPrank();
    }

    function test_release_revertsWhenNotDelivered() public {
        uint256 pid = buy(list(Marketplace.Kind.Compute, 1e18), 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongStatus.selector, pid, Marketplace.Status.Escrowed));
        market.release(pid);
    }

    function test_refundUndelivered_revertsEarly() public {
        uint256 pid = buy(list(Marketplace.Kind.Compute, 1e18), 1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.TooEarly.selector, block.timestamp + DELIVERY_TIMEOUT));
        market.refundUndelivered(pid);
    }

    function test_purchase_revertsOnUnknownListing() public {
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownListing.selector, 9));
        market.purchase(9, 1, 1e18);
    }

    function test_confirm_revertsWhileDisputed() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        _dispute(pid);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongStatus.selector, pid, Marketplace.Status.Disputed));
        market.confirm(pid);
    }

    function test_settle_withoutRepRoleStillSettles() public {
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.revokeRole(minter, address(market));
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(buyer);
        market.confirm(pid);
        assertEq(market.settledCount(), 1);
        assertEq(rep.balanceOf(provider), 0);
    }

    // ------------------------------------------------------------- governance

    function test_setCommission() public {
        vm.prank(address(timelock));
        market.setCommission(1_000);
        assertEq(market.commissionBps(), 1_000);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotGovernance.selector, address(this)));
        market.setCommission(1);
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidCommission.selector, 2_001));
        market.setCommission(2_001);
    }

    // ------------------------------------------------------------------- fuzz

    /// Every settled wei ends in exactly one place: the distributor (or burned), a credit, or the hub.
    function test_fuzz_settlementConserves(uint256 price, uint256 quantity, uint16 dev, uint16 inf) public {
        price = bound(price, 1, 1e21);
        quantity = bound(quantity, 1, 1_000);
        dev = uint16(bound(dev, 0, 10_000));
        inf = uint16(bound(inf, 0, 10_000 - dev));
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Compute, price);
        p.rune = rune(dev, inf, 10_000 - dev - inf);
        vm.prank(provider);
        uint256 id = market.createListing(p);
        uint256 pid = buy(id, quantity);
        vm.prank(buyer);
        market.confirm(pid);
        uint256 amount = price * quantity;
        assertEq(
            distributor.totalReceived() + market.creditsTotal() + hub.totalRewardsReceived(), amount, "conservation"
        );
        assertEq(token.balanceOf(address(market)), market.creditsTotal() + market.escrowTotal());
    }

    /// Listing manifests signed by any key verify, and only for that key.
    function test_fuzz_signedManifest(uint256 key, uint256 price) public {
        key = bound(key, 1, 1e60);
        price = bound(price, 1, 1e30);
        address signer = vm.addr(key);
        Marketplace.ListingParams memory p = params(Marketplace.Kind.ModelLicence, price);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, market.manifestDigest(p, signer, 0));
        uint256 id = market.createSignedListing(p, signer, abi.encodePacked(r, s, v));
        (address prov,,,,,,,,,) = market.listings(id);
        assertEq(prov, signer);
    }
}
