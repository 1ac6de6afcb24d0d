// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";
import {ModelRegistry} from "../../src/market/ModelRegistry.sol";

/// @dev Finding 8 (low): listing manifests signed without a deadline could be relayed at any later
/// time; any holder of 1 wei of REP, even REP minted a block earlier, could rate models.
contract LowFindingsAttack is AttackBase {
    uint256 internal constant KEY = 0xA11CE;

    function setUp() public {
        deployMarket();
    }

    function _signedParams(address signer) internal view returns (Marketplace.ListingParams memory p) {
        p = params(Marketplace.Kind.Dataset, 5e18);
        p.rune.developer = signer;
    }

    /// A manifest the provider signed long ago is relayed a year later: refused after its deadline.
    function test_attack_expiredManifestRefused() public {
        address signer = vm.addr(KEY);
        Marketplace.ListingParams memory p = _signedParams(signer);
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(KEY, market.manifestDigestWithDeadline(p, signer, 0, deadline));
        vm.warp(block.timestamp + 365 days);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ManifestExpired.selector, deadline));
        market.createSignedListingWithDeadline(p, signer, deadline, abi.encodePacked(r, s, v));
    }

    /// A manifest signed without a deadline (the old entry point, still served) can be revoked.
    function test_attack_oldManifestRevocable() public {
        address signer = vm.addr(KEY);
        Marketplace.ListingParams memory p = _signedParams(signer);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(KEY, market.manifestDigest(p, signer, 0));
        vm.prank(signer);
        market.revokeManifestNonce();
        vm.prank(attacker);
        vm.expectRevert();
        market.createSignedListing(p, signer, abi.encodePacked(r, s, v));
    }

    /// 1 wei of REP, or REP minted just now, rated a model.
    function test_attack_dustOrFreshReputationCannotRate() public {
        vm.prank(provider);
        uint256 id = registry.registerModel("m", "MIT", 0, "", 0);
        earnedRep(sybil, 1);
        age();
        vm.prank(sybil);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotEligible.selector, sybil));
        registry.rate(id, 1);

        earnedRep(attacker, 100e18); // fresh
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotEligible.selector, attacker));
        registry.rate(id, 1);

        age(); // once aged, a real REP holder rates
        vm.prank(attacker);
        registry.rate(id, 1);
    }
}
