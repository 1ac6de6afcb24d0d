// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Market} from "../utils/Market.sol";
import {ModelRegistry} from "../../src/market/ModelRegistry.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";

contract ModelRegistryTest is Market {
    address internal owner_ = makeAddr("modelOwner");
    address internal curator = makeAddr("curator");

    function setUp() public {
        deployMarket();
    }

    function _register() internal returns (uint256 id) {
        vm.prank(owner_);
        id = registry.registerModel("llama-lite", "Apache-2.0", 0, "ipfs://card", bytes32(uint256(1)));
    }

    function test_registerModel_open() public {
        vm.expectEmit(true, true, false, true);
        emit ModelRegistry.ModelRegistered(1, owner_, "llama-lite", "Apache-2.0", 0, "ipfs://card", bytes32(uint256(1)));
        uint256 id = _register();
        ModelRegistry.Model memory m = registry.getModel(id);
        assertEq(m.owner, owner_);
        assertEq(uint256(m.status), uint256(ModelRegistry.Status.Active));
    }

    function test_registerModel_revertsWithoutLicence() public {
        vm.prank(owner_);
        vm.expectRevert(ModelRegistry.InvalidLicence.selector);
        registry.registerModel("m", "", 0, "", 0);
    }

    function test_registerModel_listingMustBeOwnLicence() public {
        uint256 listing = list(Marketplace.Kind.ModelLicence, 1e18); // provider's
        vm.prank(owner_);
        vm.expectRevert(ModelRegistry.InvalidLicence.selector);
        registry.registerModel("m", "", listing, "", 0);
        uint256 dataset = list(Marketplace.Kind.Dataset, 1e18);
        vm.prank(provider);
        vm.expectRevert(ModelRegistry.InvalidLicence.selector);
        registry.registerModel("m", "", dataset, "", 0);
        vm.prank(provider);
        registry.registerModel("m", "", listing, "", 0);
    }

    function test_publishVersion() public {
        uint256 id = _register();
        vm.startPrank(owner_);
        registry.publishVersion(id, "1.0.0", sha256("a"), "ipfs://a", bytes32(0));
        uint256 idx = registry.publishVersion(id, "1.1.0", sha256("b"), "ipfs://b", keccak256("m"));
        vm.stopPrank();
        assertEq(idx, 1);
        ModelRegistry.Version memory v = registry.version(id, 1);
        assertEq(v.semver, "1.1.0");
        assertEq(v.artifactHash, sha256("b"));
    }

    function test_updateModel() public {
        uint256 id = _register();
        vm.prank(owner_);
        registry.updateModel(id, "ipfs://card2", bytes32(uint256(2)));
        assertEq(registry.getModel(id).metadataURI, "ipfs://card2");
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotOwner.selector, address(this)));
        registry.updateModel(id, "x", 0);
    }

    function test_rate_revertsOnUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 3));
        registry.rate(3, 4);
    }

    function test_publishVersion_ownerOnly() public {
        uint256 id = _register();
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotOwner.selector, address(this)));
        registry.publishVersion(id, "1.0.0", 0, "", 0);
    }

    function test_deprecateAndRetire() public {
        uint256 id = _register();
        vm.startPrank(owner_);
        registry.deprecate(id);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.WrongStatus.selector, id, ModelRegistry.Status.Deprecated));
        registry.deprecate(id);
        registry.retire(id);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.ModelIsRetired.selector, id));
        registry.publishVersion(id, "2.0.0", 0, "", 0);
        vm.stopPrank();
    }

    function test_setReview_curatorOrGovernance() public {
        uint256 id = _register();
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotCurator.selector, curator));
        registry.setReview(id, ModelRegistry.Review.Approved, "");
        bytes32 role = registry.CURATOR_ROLE();
        vm.prank(address(timelock));
        registry.grantRole(role, curator);
        vm.prank(curator);
        registry.setReview(id, ModelRegistry.Review.Approved, "ok");
        vm.prank(address(timelock));
        registry.setReview(id, ModelRegistry.Review.Flagged, "flag");
        assertEq(uint256(registry.getModel(id).review), uint256(ModelRegistry.Review.Flagged));
    }

    function test_rate_licenseeOnceUpdatable() public {
        uint256 listing = list(Marketplace.Kind.ModelLicence, 1e18);
        vm.prank(provider);
        uint256 id = registry.registerModel("m", "", listing, "", 0);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotEligible.selector, buyer));
        registry.rate(id, 4);
        uint256 pid = buy(listing, 1);
        vm.startPrank(buyer);
        market.confirm(pid);
        registry.rate(id, 4);
        registry.rate(id, 2);
        vm.stopPrank();
        (uint256 avg, uint256 count) = registry.averageRating(id);
        assertEq(count, 1);
        assertEq(avg, 200);
        // The provider earned REP on the sale but is the owner: never rates its own model.
        vm.prank(provider);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotEligible.selector, provider));
        registry.rate(id, 5);
    }

    function test_rate_revertsOnBadScore() public {
        uint256 id = _register();
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.InvalidScore.selector, 6));
        registry.rate(id, 6);
    }

    function test_fuzz_averageRating(uint8[8] memory scores) public {
        uint256 id = _register();
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.grantRole(minter, address(this));
        uint256 sum;
        for (uint256 i; i < 8; ++i) {
            uint8 s = uint8(bound(scores[i], 1, 5));
            address r = address(uint160(0x5000 + i));
            rep.mint(r, 1e18, "t"); // the minimum, aged below
            vm.roll(block.number + registry.RATING_REPUTATION_AGE() + 1);
            vm.prank(r);
            registry.rate(id, s);
            sum += s;
        }
        (uint256 avg, uint256 count) = registry.averageRating(id);
        assertEq(count, 8);
        assertEq(avg, sum * 100 / 8);
    }
}
