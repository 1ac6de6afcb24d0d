// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";

/// @dev Finding 2 (high): escrow that did not protect buyers.
contract EscrowDisputesAttack is AttackBase {
    function setUp() public {
        deployMarket();
        earnedRep(provider, 50e18);
        age();
    }

    /// A provider disputed an undelivered purchase (blocking the buyer's refund).
    function test_attack_providerCannotDisputeBeforeDelivery() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(provider);
        vm.expectRevert();
        market.dispute(pid, 5e18, "the buyer got it");
    }

    /// Delivery after the deadline was accepted and then released to the provider.
    function test_attack_lateDeliveryRefused() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.warp(block.timestamp + DELIVERY_TIMEOUT + 1);
        vm.prank(provider);
        vm.expectRevert();
        market.markDelivered(pid, keccak256("late"));
    }

    /// A provider's dispute nobody opposed paid the provider by default.
    function test_attack_unopposedDisputeDoesNotPay() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(provider);
        market.markDelivered(pid, keccak256("r"));
        vm.prank(provider);
        uint256 poolId = market.dispute(pid, 5e18, "delivered, pay me");
        vm.warp(block.timestamp + POOL_WINDOW);
        pool.resolve(poolId);
        assertEq(market.settledCount(), 0, "an unopposed dispute paid the provider");
    }

    /// A buyer (who never earns REP) could not dispute at all. With a CTRN bond it can.
    function test_attack_buyerWithoutReputationCanDispute() public {
        uint256 pid = buy(list(Marketplace.Kind.Dataset, 10e18), 1);
        vm.prank(provider);
        market.markDelivered(pid, keccak256("r"));
        assertEq(rep.balanceOf(buyer), 0);
        vm.prank(buyer);
        (bool ok,) = address(market).call(abi.encodeWithSignature("disputeWithBond(uint256,string)", pid, "empty file"));
        assertTrue(ok, "a buyer without REP cannot dispute");
        assertEq(uint256(market.getPurchase(pid).status), uint256(Marketplace.Status.Disputed));
    }

    /// The provider changed the listing's metadata after the purchase; the purchase keeps the hash it bought.
    function test_attack_metadataPinnedAtPurchase() public {
        uint256 id = list(Marketplace.Kind.Dataset, 10e18);
        uint256 pid = buy(id, 1);
        vm.prank(provider);
        market.updateListing(id, 10e18, "ipfs://other", keccak256("other"), true);
        (bool ok, bytes memory out) =
            address(market).staticcall(abi.encodeWithSignature("purchaseMetadataHash(uint256)", pid));
        assertTrue(ok, "no pinned metadata hash");
        assertEq(abi.decode(out, (bytes32)), sha256("meta"));
    }
}
